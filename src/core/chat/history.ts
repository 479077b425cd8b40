import type { ChatViewModel } from './viewModel';
import type { HistoryMessage, WireBlock } from './wire';

/**
 * The part of an unfinished answer (stopped, or failed) that can go back to the API: non-empty text,
 * and tool calls together with their results. A tool call without its result would be refused.
 */
export function completeParts(content: readonly WireBlock[]): WireBlock[] {
  const answered = new Set(content.filter((block) => typeof block['tool_use_id'] === 'string').map((block) => block['tool_use_id']));
  const used = new Set<unknown>();
  return content.filter((block) => {
    if (block.type === 'text') return typeof block['text'] === 'string' && block['text'] !== '';
    if (block.type === 'server_tool_use' && answered.has(block['id'])) {
      used.add(block['id']);
      return true;
    }
    return typeof block['tool_use_id'] === 'string' && used.has(block['tool_use_id']);
  });
}

/**
 * The history a conversation restored from its view model sends: the user texts and the text of the
 * assistant turns (tool calls and results cannot be rebuilt from what the view keeps).
 */
export function historyFromView(view: ChatViewModel): HistoryMessage[] {
  const messages: HistoryMessage[] = [];
  for (const turn of view.turns) {
    if (turn.role === 'user') {
      messages.push({ role: 'user', content: turn.text });
      continue;
    }
    const text = turn.blocks.flatMap((block) => (block.type === 'text' && block.text !== '' ? [block.text] : [])).join('\n\n');
    if (text !== '') messages.push({ role: 'assistant', content: [{ type: 'text', text }] });
  }
  return messages;
}
