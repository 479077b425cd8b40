/** Assistant turns built by the real stream reducer from hand-written events: tool calls and their results. */
import type { AssistantTurn } from '../../../src/core/chat/viewModel';
import type { StreamEvent } from '../../../src/core/chat/wire';
import { message, reducing, resultBlock, textBlock, toolUse } from '../chat/turns';

/** A tool call of a turn: the tool's name and its input. */
export type Call = {
  readonly tool: 'bash_code_execution' | 'text_editor_code_execution' | 'code_execution';
  readonly input: Record<string, unknown>;
  readonly stdout?: string;
  readonly fileId?: string;
};

/** The turn the reducer builds from `calls` (each with a result) followed by `answer` as text. */
export function turnWith(calls: readonly Call[], answer = 'Done.'): AssistantTurn {
  const { reducer, turn } = reducing();
  const content: StreamEvent[] = [];
  calls.forEach((call, i) => {
    const id = `srvtoolu_${i}`;
    const json = JSON.stringify(call.input);
    content.push(...toolUse(2 * i, id, call.tool, json.slice(0, 7), json.slice(7)));
    content.push(
      ...resultBlock(
        2 * i + 1,
        call.tool === 'text_editor_code_execution'
          ? {
              type: 'text_editor_code_execution_tool_result',
              tool_use_id: id,
              content: {
                type: 'text_editor_code_execution_view_result',
                file_type: 'text',
                content: call.stdout ?? '',
                num_lines: 1,
                start_line: 1,
                total_lines: 1,
              },
            }
          : {
              type: 'bash_code_execution_tool_result',
              tool_use_id: id,
              content: {
                type: 'bash_code_execution_result',
                stdout: call.stdout ?? '',
                stderr: '',
                return_code: 0,
                content: call.fileId ? [{ type: 'bash_code_execution_output', file_id: call.fileId }] : [],
              },
            },
      ),
    );
  });
  content.push(...textBlock(2 * calls.length, answer));
  for (const event of message(content)) reducer.apply(event);
  reducer.finish('done');
  return turn;
}

/** A bash call. */
export const bash = (command: string, stdout = '', fileId?: string): Call => ({
  tool: 'bash_code_execution',
  input: { command },
  stdout,
  ...(fileId ? { fileId } : {}),
});
/** A text editor view. */
export const view = (path: string): Call => ({ tool: 'text_editor_code_execution', input: { command: 'view', path } });
