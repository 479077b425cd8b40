/** A file set diff as text: a unified diff for text files, one line per binary file. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { isBinary, type FileSetDiff } from './diffFileSets';

/** Lines of context around each change, as `diff -u` and git show. */
const CONTEXT_LINES = 3;
/**
 * Beyond this many edits the shortest diff is not searched for (a rewritten file, where it costs the most and shows
 * the least): the file is shown as one hunk that replaces every line.
 */
const MAX_EDIT_LENGTH = 1000;

const decoder = new TextDecoder();

/**
 * The whole diff as text, `before` as `a/…` and `after` as `b/…` (added and removed files against
 * `/dev/null`), in path order. A binary file gets one line: `Binary files a/x and b/x differ`.
 */
export function formatUnifiedDiff(diff: FileSetDiff): string {
  const parts: { path: string; text: string }[] = [];
  for (const file of diff.added) parts.push({ path: file.path, text: fileDiff('/dev/null', `b/${file.path}`, undefined, file.data) });
  for (const file of diff.removed) parts.push({ path: file.path, text: fileDiff(`a/${file.path}`, '/dev/null', file.data, undefined) });
  for (const file of diff.changed)
    parts.push({ path: file.path, text: fileDiff(`a/${file.path}`, `b/${file.path}`, file.before, file.after) });
  return parts
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((part) => part.text)
    .join('');
}

/** One file's part of the diff; `undefined` is the side where the file does not exist. */
function fileDiff(oldName: string, newName: string, before: Uint8Array | undefined, after: Uint8Array | undefined): string {
  if ((before && isBinary(before)) || (after && isBinary(after))) return `Binary files ${oldName} and ${newName} differ\n`;
  const oldText = before ? decoder.decode(before) : '';
  const newText = after ? decoder.decode(after) : '';
  const patch = createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, {
    context: CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (patch === undefined) return replacementPatch(oldName, newName, oldText, newText);
  // An empty file added or removed has no hunks: say so, as `diff -N` would show nothing.
  return patch.includes('\n@@ ')
    ? patch
    : `Empty file ${oldName === '/dev/null' ? newName : oldName} ${oldName === '/dev/null' ? 'added' : 'removed'}\n`;
}

/** A unified diff of one hunk that removes every old line and adds every new one. */
function replacementPatch(oldName: string, newName: string, oldText: string, newText: string): string {
  const old = linesOf(oldText, '-');
  const added = linesOf(newText, '+');
  const range = (count: number): string => `${count === 0 ? 0 : 1},${count}`;
  return [`--- ${oldName}`, `+++ ${newName}`, `@@ -${range(old.count)} +${range(added.count)} @@`, ...old.lines, ...added.lines, ''].join(
    '\n',
  );
}

/** The lines of `text` with `prefix`, and the marker unified diffs put after a last line without a newline. */
function linesOf(text: string, prefix: string): { lines: string[]; count: number } {
  if (text === '') return { lines: [], count: 0 };
  const complete = text.endsWith('\n');
  const lines = (complete ? text.slice(0, -1) : text).split('\n').map((line) => prefix + line);
  const count = lines.length;
  if (!complete) lines.push('\\ No newline at end of file');
  return { lines, count };
}
