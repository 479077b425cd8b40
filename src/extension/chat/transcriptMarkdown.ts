import type { AssistantTurn, ChatTurn, ChatViewModel, ToolCallBlock } from '../../core/chat/viewModel';

/** The words of a transcript, localised by the caller. */
export interface TranscriptWords {
  readonly you: string;
  readonly claude: string;
  readonly input: string;
  readonly output: string;
  readonly errors: string;
  readonly returnCode: string;
  readonly toolError: string;
  readonly file: string;
  readonly tokens: string;
  /** Prompt cache tokens read / written. */
  readonly cache: string;
  readonly container: string;
  readonly stopReason: string;
  readonly error: string;
}

/** A fenced code block whose fence is longer than any run of backticks inside `text`. */
export function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function toolMarkdown(block: ToolCallBlock, words: TranscriptWords): string {
  const input =
    block.input && typeof block.input.command === 'string' && block.kind === 'bash'
      ? block.input.command
      : block.input
        ? JSON.stringify(block.input, null, 2)
        : block.inputJson;
  const parts = [`**${block.name}** (${words.input})`, fenced(input, block.kind === 'bash' ? 'bash' : 'json')];
  const result = block.result;
  if (result?.kind === 'bash') {
    if (result.stdout) parts.push(`${words.output}:`, fenced(result.stdout));
    if (result.stderr) parts.push(`${words.errors}:`, fenced(result.stderr));
    parts.push(`${words.returnCode}: ${result.returnCode}`);
  } else if (result?.kind === 'editor' && result.content) {
    parts.push(`${words.output}:`, fenced(result.content));
  } else if (result?.kind === 'error') {
    parts.push(`${words.toolError}: ${result.errorCode}`);
  }
  return parts.join('\n\n');
}

/** One assistant turn as Markdown: its text as written, its tool calls as code blocks, then its files and figures. */
export function assistantMarkdown(turn: AssistantTurn, words: TranscriptWords): string {
  const parts: string[] = [];
  for (const block of turn.blocks) {
    if (block.type === 'text') parts.push(block.text);
    else if (block.type === 'tool') parts.push(toolMarkdown(block, words));
    else parts.push(`${words.file}: \`${block.fileId}\``);
  }
  for (const file of turn.files) parts.push(`${words.file}: \`${file.filename ?? file.fileId}\` (\`${file.fileId}\`)`);
  if (turn.error) parts.push(`> **${words.error}:** ${turn.error.message}${turn.error.requestId ? ` (\`${turn.error.requestId}\`)` : ''}`);
  const { inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens } = turn.usage;
  const figures = [`${words.tokens}: ${inputTokens + cacheReadTokens + cacheCreationTokens} / ${outputTokens}`];
  if (cacheReadTokens || cacheCreationTokens) figures.push(`${words.cache}: ${cacheReadTokens} / ${cacheCreationTokens}`);
  if (turn.container) figures.push(`${words.container}: \`${turn.container.id}\``);
  if (turn.stopReason) figures.push(`${words.stopReason}: \`${turn.stopReason}\``);
  parts.push(`_${figures.join(' · ')}_`);
  return parts.join('\n\n');
}

function turnMarkdown(turn: ChatTurn, words: TranscriptWords): string {
  if (turn.role === 'user') return `## ${words.you}\n\n${turn.text}`;
  return `## ${words.claude} (${turn.model})\n\n${assistantMarkdown(turn, words)}`;
}

/** The whole conversation as a Markdown document. */
export function transcriptMarkdown(conversation: ChatViewModel, title: string, words: TranscriptWords): string {
  return [`# ${title}`, ...conversation.turns.map((turn) => turnMarkdown(turn, words))].join('\n\n') + '\n';
}
