/** Checks of the body's relative Markdown links and images: do they name a file in the skill folder? */
import { LEFT_OUT_REASONS, type LeftOutReason } from '../bundle/leftOutReason';
import { finding } from './finding';
import { CappedFindings } from './findingCap';
import type { ParsedSkillMd } from './parse';
import type { LineIndex } from './text';
import type { Range } from './types';

const LINK = /!?\[[^\]]*\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const QUERY_OR_FRAGMENT = /[?#]/;
/** What makes a link path need the segment walk: a `.` or `..` or empty segment, a backslash, a `%` escape. */
const ODD_PATH = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$|[\\%]/;
const FENCE_MARKERS = ['```', '~~~'];

/**
 * The findings about links: `link-outside` always, `link-broken` when `fileExists` is given, with its own
 * message when `leftOutReason` says the file is there but left out of uploads. Past the cap of each rule they are
 * only counted, so a file of millions of links costs no more memory than one of a hundred.
 */
export function checkLinks(
  parsed: ParsedSkillMd,
  fileExists: ((relativePosixPath: string) => boolean) | undefined,
  leftOutReason?: (relativePosixPath: string) => LeftOutReason | undefined,
): CappedFindings {
  const found = new CappedFindings();
  for (const line of linkLines(parsed)) {
    const text = parsed.lines.lineText(line);
    const code = text.includes('`') ? codeSpans(text) : undefined;
    LINK.lastIndex = 0;
    for (let match = LINK.exec(text); match; match = LINK.exec(text)) {
      const at = match.index;
      if (code && inSpans(code, at)) continue;
      const raw = match[1];
      const start = at + match[0].length - raw.length;
      const target = linkTarget(raw);
      if (target === undefined) continue;
      const range = (): Range => ({ start: { line, character: start }, end: { line, character: start + raw.length } });
      if (target.outside) {
        if (found.admits('link-outside')) {
          found.findings.push(finding('link-outside', `\`${raw}\` points outside the skill folder; it will not be uploaded. Copy the file into the folder.`, range()));
        }
      } else if (fileExists && !fileExists(target.path) && found.admits('link-broken')) {
        const reason = leftOutReason?.(target.path);
        const message =
          reason === undefined
            ? `\`${target.path}\` is not in the skill folder: fix the link or add the file.`
            : `\`${target.path}\` is left out of uploads (${LEFT_OUT_REASONS[reason]}), so this link breaks once the skill is uploaded: include the file or drop the link.`;
        found.findings.push(finding('link-broken', message, range()));
      }
    }
  }
  return found;
}

/** The body lines that may hold a link: those containing `](` outside fenced code blocks, in order. */
function linkLines({ text, lines, bodyStartLine }: ParsedSkillMd): number[] {
  if (bodyStartLine >= lines.lineCount) return [];
  const { lineStarts, lineCount } = lines;
  let at = text.indexOf('](', lineStarts[bodyStartLine]);
  if (at < 0) return [];
  const fenced = fencedBlocks(text, bodyStartLine, lines);
  const result: number[] = [];
  // Both `at` and the fenced blocks only move forward: walk the lines and the blocks along with them.
  let line = bodyStartLine;
  let block = 0;
  for (; at >= 0; at = text.indexOf('](', at + 2)) {
    while (line + 1 < lineCount && lineStarts[line + 1] <= at) line++;
    while (block < fenced.length && fenced[block][1] < line) block++;
    const isFenced = block < fenced.length && fenced[block][0] <= line;
    if (result[result.length - 1] !== line && !isFenced) result.push(line);
  }
  return result;
}

/** True when `at` falls in one of the [start, end) `spans`. */
function inSpans(spans: readonly [number, number][], at: number): boolean {
  for (const [from, to] of spans) if (at >= from && at < to) return true;
  return false;
}

/** The [start, end) spans of inline code in a line: a run of backticks up to the next run of the same length. */
function codeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf('`'); at >= 0; ) {
    let run = at;
    while (text[run] === '`') run++;
    const ticks = text.slice(at, run);
    let close = text.indexOf(ticks, run);
    while (close >= 0 && text[close + ticks.length] === '`') close = text.indexOf(ticks, close + ticks.length + 1);
    if (close < 0) {
      at = text.indexOf('`', run);
      continue;
    }
    spans.push([at, close + ticks.length]);
    at = text.indexOf('`', close + ticks.length);
  }
  return spans;
}

/** The [open, close] line pairs of the fenced code blocks from line `firstLine` on (an unclosed one runs to the end). */
function fencedBlocks(text: string, firstLine: number, lines: LineIndex): [number, number][] {
  const blocks: [number, number][] = [];
  const from = lines.lineStarts[firstLine];
  if (FENCE_MARKERS.every((marker) => !text.includes(marker, from))) return blocks;
  let open: { line: number; marker: string } | undefined;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const marker = fenceMarker(text, lines.lineStarts[line]);
    if (marker === undefined) continue;
    if (!open) open = { line, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      blocks.push([open.line, line]);
      open = undefined;
    }
  }
  if (open) blocks.push([open.line, lines.lineCount]);
  return blocks;
}

/** The run of three or more backticks or tildes that opens the line at `start` after at most three spaces, if any. */
function fenceMarker(text: string, start: number): string | undefined {
  let at = start;
  while (at < start + 3 && text.charCodeAt(at) === 32) at++;
  const char = text[at];
  if (char !== '`' && char !== '~') return undefined;
  let end = at;
  while (text[end] === char) end++;
  return end - at >= 3 ? text.slice(at, end) : undefined;
}

/** The folder-relative path a link names, or undefined for URLs, anchors and absolute paths. */
function linkTarget(raw: string): { path: string; outside: boolean } | undefined {
  const unwrapped = raw.charCodeAt(0) === 60 /* < */ ? raw.slice(1, -1) : raw;
  if (SCHEME.test(unwrapped)) return undefined;
  const query = unwrapped.search(QUERY_OR_FRAGMENT);
  const bare = query < 0 ? unwrapped : unwrapped.slice(0, query);
  if (bare === '' || bare.startsWith('/') || bare.startsWith('\\')) return undefined;
  // Most links are already a clean relative path: no `.`/`..` or empty segments, no backslash, no escapes.
  if (!ODD_PATH.test(bare)) return { path: bare, outside: false };
  const segments: string[] = [];
  for (const segment of decode(bare).split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return { path: bare, outside: true };
  }
  return segments.length === 0 ? undefined : { path: segments.join('/'), outside: false };
}

function decode(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
