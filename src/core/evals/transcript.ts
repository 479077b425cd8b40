/** A turn as plain text: what the grader judges, and what a failed case shows. */
import type { AssistantTurn } from '../chat/viewModel';
import { textField } from '../chat/wire';

/** The longest tool output kept in a transcript, per call. */
const MAX_OUTPUT = 4_000;

/** The prompt and the turn: its text, each tool call with its input, result and produced files. */
export function transcriptOf(prompt: string, turn: AssistantTurn): string {
  const lines = [`User: ${prompt}`, ''];
  for (const block of turn.blocks) {
    if (block.type === 'text') lines.push(`Assistant: ${block.text}`);
    else if (block.type === 'container_upload') lines.push(`[uploaded file ${block.fileId}]`);
    else {
      const input = block.input ?? {};
      const shown =
        block.kind === 'bash'
          ? textField(input['command'])
          : block.kind === 'code'
            ? textField(input['code'])
            : `${textField(input['command'] ?? block.kind)} ${textField(input['path'])}`;
      lines.push(`[${block.name}] ${shown}`);
      const result = block.result;
      if (result?.kind === 'bash') {
        if (result.stdout) lines.push(clip(result.stdout));
        if (result.stderr) lines.push(`stderr: ${clip(result.stderr)}`);
        if (result.returnCode !== 0) lines.push(`exit code ${result.returnCode}`);
      } else if (result?.kind === 'editor' && result.content) lines.push(clip(result.content));
      else if (result?.kind === 'error') lines.push(`error: ${result.errorCode}`);
    }
  }
  if (turn.files.length > 0) lines.push('', `Files produced: ${turn.files.map((file) => file.filename ?? file.fileId).join(', ')}`);
  if (turn.error) lines.push('', `The turn ended with an error: ${turn.error.message}`);
  return lines.join('\n');
}

function clip(text: string): string {
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT)}\n… (${text.length - MAX_OUTPUT} more characters)` : text;
}
