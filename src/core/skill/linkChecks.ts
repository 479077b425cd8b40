/** Checks of the body's relative Markdown links and images: do they name a file in the skill folder? */
import { LEFT_OUT_REASONS, type LeftOutReason } from '../bundle/leftOutReason';
import { finding, type Finding } from './finding';
import type { ParsedSkillMd } from './parse';
import type { LineIndex } from './text';

const LINK = /!?\[[^\]]*\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/gm;

/**
 * The findings about links: `link-outside` always, `link-broken` when `fileExists` is given, with its own
 * message when `leftOutReason` says the file is there but left out of uploads.
 */
export function checkLinks(
  parsed: ParsedSkillMd,
  fileExists: ((relativePosixPath: string) => boolean) | undefined,
  leftOutReason?: (relativePosixPath: string) => LeftOutReason | undefined,
): Finding[] {
  const found: Finding[] = [];
  for (const line of linkLines(parsed)) {
    const text = parsed.lines.lineText(line);
    const code = text.includes('`') ? codeSpans(text) : [];
    LINK.lastIndex = 0;
    for (let match = LINK.exec(text); match; match = LINK.exec(text)) {
      const at = match.index;
      if (code.some(([from, to]) => at >= from && at < to)) continue;
      const raw = match[1];
      const start = at + match[0].length - raw.length;
      const range = { start: { line, character: start }, end: { line, character: start + raw.length } };
      const target = linkTarget(raw);
      if (target === undefined) continue;
      if (target.outside) {
        found.push(finding('link-outside', `\`${raw}\` points outside the skill folder; it will not be uploaded. Copy the file into the folder.`, range));
      } else if (fileExists && !fileExists(target.path)) {
        const reason = leftOutReason?.(target.path);
        const message =
          reason === undefined
            ? `\`${target.path}\` is not in the skill folder: fix the link or add the file.`
            : `\`${target.path}\` is left out of uploads (${LEFT_OUT_REASONS[reason]}), so this link breaks once the skill is uploaded: include the file or drop the link.`;
        found.push(finding('link-broken', message, range));
      }
    }
  }
  return found;
}

/** The body lines that may hold a link: those containing `](` outside fenced code blocks, in order. */
function linkLines({ text, lines, bodyStartLine }: ParsedSkillMd): number[] {
  if (bodyStartLine >= lines.lineCount) return [];
  const bodyStart = lines.lineStarts[bodyStartLine];
  let at = text.indexOf('](', bodyStart);
  if (at < 0) return [];
  const fenced = fencedBlocks(text, bodyStart, lines);
  const isFenced = (line: number): boolean => fenced.some(([open, close]) => line >= open && line <= close);
  const result: number[] = [];
  for (; at >= 0; at = text.indexOf('](', at + 2)) {
    const line = lines.positionAt(at).line;
    if (result[result.length - 1] !== line && !isFenced(line)) result.push(line);
  }
  return result;
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

/** The [open, close] line pairs of the fenced code blocks after `from` (an unclosed one runs to the end). */
function fencedBlocks(text: string, from: number, lines: LineIndex): [number, number][] {
  const blocks: [number, number][] = [];
  let open: { line: number; marker: string } | undefined;
  FENCE.lastIndex = from;
  for (let match = FENCE.exec(text); match; match = FENCE.exec(text)) {
    const marker = match[1];
    const line = lines.positionAt(match.index).line;
    if (!open) open = { line, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      blocks.push([open.line, line]);
      open = undefined;
    }
  }
  if (open) blocks.push([open.line, lines.lineCount]);
  return blocks;
}

/** The folder-relative path a link names, or undefined for URLs, anchors and absolute paths. */
function linkTarget(raw: string): { path: string; outside: boolean } | undefined {
  const unwrapped = raw.startsWith('<') ? raw.slice(1, -1) : raw;
  const bare = unwrapped.replace(/[?#].*$/, '');
  if (bare === '' || SCHEME.test(unwrapped) || bare.startsWith('/') || bare.startsWith('\\')) return undefined;
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
