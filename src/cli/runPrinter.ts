/** Prints a streaming chat turn for `skillsmith run`: the answer's text to one stream, tool calls and output to another. */
import type { ChatUpdate } from '../core/chat/updates';
import type { AssistantTurn, ToolCallBlock, ToolResult } from '../core/chat/viewModel';
import { countOf, formatCount } from '../core/text/count';
import { terminalSafe } from './terminalText';
import type { TextSink } from './textSink';

/** Follows a session's updates and prints them as they arrive. */
export class RunPrinter {
  private endsWithNewline = true;
  private wroteAnswer = false;
  private readonly printed = new Set<string>();

  constructor(
    private readonly out: TextSink,
    private readonly err: TextSink,
  ) {}

  /** A `ChatListener` (the view model argument is not needed): prints what this update adds. */
  readonly onUpdate = (update: ChatUpdate): void => {
    switch (update.type) {
      case 'blockAdded':
        if (update.block.type === 'text') this.separateAnswer();
        return;
      case 'textAppended':
        this.answer(update.text);
        return;
      case 'blockChanged':
        if (update.block.type === 'tool') this.tool(`${update.turnId}:${update.blockIndex}`, update.block);
        return;
      case 'turnChanged':
        if (update.changes.continuations !== undefined) {
          this.note(`[pause_turn: continuing in the same container, continuation ${update.changes.continuations}]`);
        }
        return;
    }
  };

  /** Ends the answer with a newline and prints the turn's summary (and its error) to the side stream. */
  finish(turn: AssistantTurn): void {
    if (!this.endsWithNewline) this.out.write('\n');
    this.endsWithNewline = true;
    for (const line of summary(turn)) this.err.write(`${line}\n`);
  }

  private answer(text: string): void {
    const safe = terminalSafe(text);
    if (safe === '') return;
    this.out.write(safe);
    this.wroteAnswer = true;
    this.endsWithNewline = safe.endsWith('\n');
  }

  /** A new text block starts on a new line. */
  private separateAnswer(): void {
    if (this.wroteAnswer && !this.endsWithNewline) {
      this.out.write('\n');
      this.endsWithNewline = true;
    }
  }

  private tool(key: string, block: ToolCallBlock): void {
    if (block.inputDone && !this.printed.has(`${key}:input`)) {
      this.printed.add(`${key}:input`);
      this.note(`[${block.kind === 'other' ? block.name : block.kind}] ${terminalSafe(describeInput(block))}`);
    }
    if (block.result && !this.printed.has(`${key}:result`)) {
      this.printed.add(`${key}:result`);
      for (const line of resultLines(block.result)) this.err.write(`  ${terminalSafe(line)}\n`);
    }
  }

  private note(line: string): void {
    this.err.write(`${line}\n`);
  }
}

/** What a tool call does, in one line: the command, the path, or the input JSON. */
function describeInput(block: ToolCallBlock): string {
  const input = block.input ?? {};
  const field = (name: string): string | undefined => (typeof input[name] === 'string' ? input[name] : undefined);
  const shown =
    field('command') !== undefined && block.kind === 'bash' ? field('command') : (field('path') ?? field('code') ?? block.inputJson);
  return (shown ?? '').replace(/\n/g, '\n    ');
}

function resultLines(result: ToolResult): string[] {
  if (result.kind === 'error') return [`error: ${result.errorCode}`];
  if (result.kind === 'editor') {
    if (result.content !== null) return [`(${countOf(result.content.split('\n').length, 'line')})`];
    return [result.isFileUpdate === null ? 'done' : result.isFileUpdate ? 'file overwritten' : 'file created'];
  }
  const lines = [
    ...printedLines(result.stdout, result.omitted?.stdout ?? 0).map((line) => `│ ${line}`),
    ...printedLines(result.stderr, result.omitted?.stderr ?? 0).map((line) => `! ${line}`),
  ];
  if (result.returnCode !== 0) lines.push(`exit code ${result.returnCode}`);
  for (const file of result.files) lines.push(`produced file ${file.fileId}`);
  return lines;
}

/** The most lines, and characters, of one tool output stream that `run` prints. */
const MAX_PRINTED_LINES = 200;
const MAX_PRINTED_CHARS = 20_000;

/**
 * The lines of one output stream as printed: at most `MAX_PRINTED_LINES` lines and `MAX_PRINTED_CHARS` characters,
 * then a line saying how many characters were left out (`omitted` more were left out of the view model already).
 */
function printedLines(text: string, omitted: number): string[] {
  const head = text.slice(0, MAX_PRINTED_CHARS);
  const lines = head === '' ? [] : head.replace(/\n$/, '').split('\n', MAX_PRINTED_LINES);
  let shown = lines.reduce((sum, line) => sum + line.length + 1, 0) - 1;
  if (text[shown] === '\n') shown++;
  const leftOut = Math.max(0, text.length - shown) + omitted;
  if (leftOut > 0) lines.push(`… ${leftOut.toLocaleString('en-US')} more character${leftOut === 1 ? '' : 's'} left out`);
  return lines;
}

/** The turn's outcome in a few lines: stop reason, tokens, container, skills, files, error. */
export function summary(turn: AssistantTurn): string[] {
  const { usage } = turn;
  const tokens = `tokens: ${formatCount(usage.inputTokens)} in, ${formatCount(usage.outputTokens)} out, cache read ${formatCount(usage.cacheReadTokens)}, cache write ${formatCount(usage.cacheCreationTokens)}`;
  const continued = turn.continuations > 0 ? ` after ${countOf(turn.continuations, 'pause_turn continuation')}` : '';
  const counted = usage.inputTokens + usage.outputTokens > 0 ? ` · ${tokens}` : '';
  const lines = [`— ${turn.status}${turn.stopReason ? ` (${turn.stopReason})` : ''}${continued} · ${turn.model}${counted}`];
  if (turn.container) {
    const skills = turn.container.skills.map((skill) => `${skill.skillId}@${skill.version}`).join(', ');
    lines.push(
      `— container ${turn.container.id}${turn.container.expiresAt ? ` (expires ${turn.container.expiresAt})` : ''}${skills ? ` · skills: ${skills}` : ''}`,
    );
  }
  if (turn.files.length > 0)
    lines.push(`— files: ${turn.files.map((file) => (file.filename ? `${file.filename} (${file.fileId})` : file.fileId)).join(', ')}`);
  if (turn.error) lines.push(`skillsmith run: ${turn.error.message}${turn.error.requestId ? ` (request id ${turn.error.requestId})` : ''}`);
  return lines.map(terminalSafe);
}
