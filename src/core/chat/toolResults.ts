import type { ProducedFile, ToolKind, ToolResult } from './viewModel';
import { textField, type WireBlock } from './wire';

/**
 * The most characters of one tool output (a stream, or a viewed file) the view model keeps: a tool that prints
 * 30 MB must not make every holder of the conversation (a transcript, the chat page, `run --format json`) hold it.
 */
export const MAX_TOOL_TEXT = 1_000_000;

/** The block types that carry the result of a server tool call, named by their `tool_use_id`. */
const RESULT_BLOCK_TYPES = new Set([
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'code_execution_tool_result',
]);

/** True for a `*_code_execution_tool_result` block. */
export function isToolResultBlock(block: WireBlock): boolean {
  return RESULT_BLOCK_TYPES.has(block.type);
}

/** What a server tool call does, from its name and (once complete) its input. */
export function toolKind(name: string, input: Record<string, unknown> | null): ToolKind {
  if (name === 'bash_code_execution') return 'bash';
  if (name === 'code_execution') return 'code';
  if (name === 'text_editor_code_execution') {
    const command = input?.['command'];
    if (command === 'view' || command === 'create' || command === 'str_replace') return command;
  }
  return 'other';
}

/** The view model's result of a `*_tool_result` block, and the files it produced. */
export function readToolResult(block: WireBlock): { result: ToolResult; files: ProducedFile[] } {
  const content = asRecord(block['content']);
  const type = typeof content?.['type'] === 'string' ? content['type'] : '';
  if (!content || type.endsWith('_tool_result_error')) {
    const errorCode = textField(content?.['error_code']) || 'unknown_error';
    const detail = textField(content?.['error_message']);
    return { result: { kind: 'error', errorCode: detail ? `${errorCode}: ${detail}` : errorCode }, files: [] };
  }
  if (type === 'bash_code_execution_result' || type === 'code_execution_result') {
    const files = outputFiles(content['content']);
    const returnCode = typeof content['return_code'] === 'number' ? content['return_code'] : 0;
    const [stdout, stdoutOmitted] = bounded(textField(content['stdout']));
    const [stderr, stderrOmitted] = bounded(textField(content['stderr']));
    const omitted = stdoutOmitted + stderrOmitted > 0 ? { omitted: { stdout: stdoutOmitted, stderr: stderrOmitted } } : {};
    return { result: { kind: 'bash', stdout, stderr, returnCode, files, ...omitted }, files };
  }
  return { result: editorResult(content), files: [] };
}

/** A text editor result: the viewed content, the changed lines of an edit, whether a create overwrote. */
function editorResult(content: Record<string, unknown>): ToolResult {
  const lines = content['lines'];
  const shown = typeof content['content'] === 'string' ? content['content'] : Array.isArray(lines) ? lines.map(String).join('\n') : null;
  const isFileUpdate = typeof content['is_file_update'] === 'boolean' ? content['is_file_update'] : null;
  if (shown === null) return { kind: 'editor', content: null, isFileUpdate };
  const [kept, omitted] = bounded(shown);
  return omitted > 0 ? { kind: 'editor', content: kept, isFileUpdate, omitted } : { kind: 'editor', content: kept, isFileUpdate };
}

function outputFiles(outputs: unknown): ProducedFile[] {
  if (!Array.isArray(outputs)) return [];
  const files: ProducedFile[] = [];
  for (const output of outputs) {
    const fileId = asRecord(output)?.['file_id'];
    if (typeof fileId === 'string' && fileId) files.push({ fileId });
  }
  return files;
}

/** The first `MAX_TOOL_TEXT` characters of `value`, and how many more there were. */
function bounded(value: string): [string, number] {
  if (value.length <= MAX_TOOL_TEXT) return [value, 0];
  const end = isHighSurrogate(value.charCodeAt(MAX_TOOL_TEXT - 1)) ? MAX_TOOL_TEXT - 1 : MAX_TOOL_TEXT;
  return [value.slice(0, end), value.length - end];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
