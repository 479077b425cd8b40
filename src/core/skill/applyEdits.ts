/** Applies text edits to a text, the way an editor would. */
import { LineIndex, stripBom } from './text';
import type { TextEdit } from './types';

/**
 * The text with `edits` applied. Ranges refer to the text without a byte-order mark (as editors see it);
 * a mark is kept. Edits at the same place apply in the given order; an edit overlapping an earlier one is skipped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const clean = stripBom(text);
  const lines = new LineIndex(clean);
  const spans = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor || span.end < span.start) continue;
    result += clean.slice(cursor, span.start) + span.text;
    cursor = span.end;
  }
  return bom + result + clean.slice(cursor);
}
