/** Checks of the body's relative Markdown links and images: do they name a file in the skill folder? */
import { LEFT_OUT_REASONS, type LeftOutReason } from '../bundle/leftOutReason';
import { finding } from './finding';
import { CappedFindings } from './findingCap';
import type { ParsedSkillMd } from './parse';
import type { LineIndex } from './text';
import type { Range } from './types';

/**
 * A link or an image: an image's `!` is left out, since it changes neither the target nor the verdict (a `!` in
 * inline code has its `[` there too), and a pattern that starts with a plain `[` is found faster.
 */
const LINK = /\[[^\]]*\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const QUERY_OR_FRAGMENT = /[?#]/;
/**
 * A relative path that is already clean: named segments (no `.`, `..` or empty one, no trailing `/`), and no
 * scheme colon, query, fragment, backslash or `%` escape. Such a path names itself; anything else takes the steps.
 */
const CLEAN_PATH = /^(?!\.\.?(?:\/|$))[^/\\%?#:]+(?:\/(?!\.\.?(?:\/|$))[^/\\%?#:]+)*$/;
/** What makes a link path need the segment walk: a `.` or `..` or empty segment, a backslash, a `%` escape. */
const ODD_PATH = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$|[\\%]/;

/**
 * The findings about links: `link-outside` always, `link-broken` when `fileExists` is given, with its own
 * message when `leftOutReason` says the file is there but left out of uploads. Past the cap of each rule they are
 * only counted, so a file of millions of links costs no more memory than one of a hundred. Links in fenced code
 * blocks and in inline code are not links.
 */
export function checkLinks(
  parsed: ParsedSkillMd,
  fileExists: ((relativePosixPath: string) => boolean) | undefined,
  leftOutReason?: (relativePosixPath: string) => LeftOutReason | undefined,
): CappedFindings {
  const found = new CappedFindings();
  const { text, lines, bodyStartLine } = parsed;
  const { lineStarts, lineCount } = lines;
  if (bodyStartLine >= lineCount) return found;
  let at = text.indexOf('](', lineStarts[bodyStartLine]);
  if (at < 0) return found;
  const fenced = fencedBlocks(text, bodyStartLine, lines);
  // Only a line holding `](` can hold a link. The lines and the fenced blocks only move forward: walk them along.
  let line = bodyStartLine;
  let block = 0;
  for (; at >= 0; at = text.indexOf('](', lineStarts[line + 1])) {
    while (line + 1 < lineCount && lineStarts[line + 1] <= at) line++;
    while (block < fenced.length && fenced[block][1] < line) block++;
    if (block >= fenced.length || fenced[block][0] > line) checkLine(found, lines.lineText(line), line, fileExists, leftOutReason);
    if (line + 1 >= lineCount) break;
  }
  return found;
}

/** Adds the findings about the links of `text`, line `line` of the body (not in a fenced block), to `found`. */
function checkLine(
  found: CappedFindings,
  text: string,
  line: number,
  fileExists: ((relativePosixPath: string) => boolean) | undefined,
  leftOutReason: ((relativePosixPath: string) => LeftOutReason | undefined) | undefined,
): void {
  // Code spans start at a backtick: they are worked out only for a link after the line's first one.
  const firstTick = text.indexOf('`');
  let spans: number[] | undefined;
  LINK.lastIndex = 0;
  for (let match = LINK.exec(text); match !== null; match = LINK.exec(text)) {
    if (firstTick >= 0 && match.index > firstTick && inSpans((spans ??= codeSpans(text)), match.index)) continue;
    const raw = match[1];
    const target = linkTarget(raw);
    if (target === undefined) continue;
    const start = match.index + match[0].length - raw.length;
    if (target.outside) {
      if (found.admits('link-outside')) {
        found.findings.push(
          finding(
            'link-outside',
            `\`${raw}\` points outside the skill folder; it will not be uploaded. Copy the file into the folder.`,
            lineSpan(line, start, raw.length),
          ),
        );
      }
    } else if (fileExists && !fileExists(target.path) && found.admits('link-broken')) {
      const reason = leftOutReason?.(target.path);
      const message =
        reason === undefined
          ? `\`${target.path}\` is not in the skill folder: fix the link or add the file.`
          : `\`${target.path}\` is left out of uploads (${LEFT_OUT_REASONS[reason]}), so this link breaks once the skill is uploaded: include the file or drop the link.`;
      found.findings.push(finding('link-broken', message, lineSpan(line, start, raw.length)));
    }
  }
}

/** The range of `length` characters from `character` on `line`. */
function lineSpan(line: number, character: number, length: number): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}

/** True when `at` falls in one of the `spans` (flat [start, end) pairs). */
function inSpans(spans: readonly number[], at: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (at >= spans[i] && at < spans[i + 1]) return true;
  return false;
}

/**
 * The inline code spans of a line, as flat [start, end) pairs: a run of backticks up to the next run of exactly as
 * many (a longer run closes nothing, as in CommonMark). Each run is paired once, by a walk from the line's end.
 */
function codeSpans(line: string): number[] {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let at = line.indexOf('`'); at >= 0;) {
    let end = at + 1;
    while (line.charCodeAt(end) === 96) end++;
    starts.push(at);
    lengths.push(end - at);
    at = line.indexOf('`', end);
  }
  const nextOfLength: number[] = new Array<number>(starts.length);
  const lastOfLength = new Map<number, number>();
  for (let i = starts.length - 1; i >= 0; i--) {
    nextOfLength[i] = lastOfLength.get(lengths[i]) ?? -1;
    lastOfLength.set(lengths[i], i);
  }
  const spans: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const close = nextOfLength[i];
    if (close < 0) continue; // no run as long closes it: its backticks are text
    spans.push(starts[i], starts[close] + lengths[close]);
    i = close;
  }
  return spans;
}

/** The [open, close] line pairs of the fenced code blocks from line `firstLine` on (an unclosed one runs to the end). */
function fencedBlocks(text: string, firstLine: number, lines: LineIndex): [number, number][] {
  const blocks: [number, number][] = [];
  const { lineStarts, lineCount } = lines;
  let open: { line: number; marker: string } | undefined;
  // Only a line holding three backticks or tildes can be a fence: find those lines by search, not line by line.
  const ticks = new Occurrences(text, '```');
  const tildes = new Occurrences(text, '~~~');
  let line = firstLine;
  for (let from = lineStarts[firstLine]; ; from = lineStarts[++line]) {
    const at = Math.min(ticks.next(from), tildes.next(from));
    if (at === Infinity) break;
    while (line + 1 < lineCount && lineStarts[line + 1] <= at) line++;
    const marker = fenceMarker(text, lineStarts[line]);
    if (marker !== undefined) {
      if (!open) open = { line, marker };
      else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
        blocks.push([open.line, line]);
        open = undefined;
      }
    }
    if (line + 1 >= lineCount) break;
  }
  if (open) blocks.push([open.line, lineCount]);
  return blocks;
}

/** The occurrences of `needle` in `text`, asked for at growing offsets: each is searched for once. */
class Occurrences {
  private found: number;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {
    this.found = text.indexOf(needle);
  }

  /** The first occurrence at or after `from` (which never decreases between calls), or Infinity. */
  next(from: number): number {
    if (this.found >= 0 && this.found < from) this.found = this.text.indexOf(this.needle, from);
    return this.found < 0 ? Infinity : this.found;
  }
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
  if (CLEAN_PATH.test(unwrapped)) return { path: unwrapped, outside: false }; // most links: one test instead of four
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
