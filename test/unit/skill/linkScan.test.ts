import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from './frontmatterFuzz';
import { lint, VALID } from './helpers';

/** The pattern of a link, as CommonMark-minded readers write it, run over one line at a time (the reference). */
const LINK = /!?\[[^\]]*\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
/** A fence: at most three spaces, then a run of three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The inline code spans of one line, as [start, end) pairs: a run of backticks up to the next run of the same length. */
function referenceSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  const runs = [...line.matchAll(/`+/g)].map((m) => [m.index ?? 0, m[0].length]);
  for (let i = 0; i < runs.length; i++) {
    const close = runs.findIndex(([, length], j) => j > i && length === runs[i][1]);
    if (close < 0) continue;
    spans.push([runs[i][0], runs[close][0] + runs[close][1]]);
    i = close;
  }
  return spans;
}

/**
 * The links of the body from line `bodyStartLine` on, read line by line the plain way: split at every line break,
 * skip fenced blocks, run the link pattern over each line, drop links in inline code. [line, character, target].
 */
function referenceLinks(text: string, bodyStartLine: number): [number, number, string][] {
  const lines = text.split(/\r\n?|\n/);
  const links: [number, number, string][] = [];
  let fence: string | undefined;
  for (let line = bodyStartLine; line < lines.length; line++) {
    const marker = FENCE.exec(lines[line])?.[1];
    if (marker !== undefined && fence === undefined) fence = marker;
    else if (marker !== undefined && fence !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    else if (fence === undefined) {
      const spans = referenceSpans(lines[line]);
      for (const match of lines[line].matchAll(LINK)) {
        const at = match.index ?? 0;
        if (spans.some(([start, end]) => at >= start && at < end)) continue;
        links.push([line, at + match[0].length - match[1].length, match[1]]);
      }
    }
  }
  return links;
}

/** Whether a link to `target` is reported when no file exists (URLs, anchors and absolute paths are not). */
function reported(target: string): boolean {
  return lint(`---\n${VALID.join('\n')}\n---\n[x](${target})\n`, { fileExists: () => false }).some((d) => d.rule.startsWith('link'));
}

const PIECES = [
  '[a](b.md)',
  '![i](x/y.md)',
  '[t](<a b.md>)',
  '](../up.md)',
  '](  c.md)',
  '[',
  ']',
  '(',
  ')',
  '](',
  '![',
  '!',
  '`',
  '``',
  '```',
  '````',
  '~~~',
  ' ',
  '   ',
  '\t',
  'a',
  'b.md',
  'x/y.md',
  '../up.md',
  '<',
  '>',
  '<a b.md>',
  'http://q',
  '#f',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
];

/** A body of random pieces: brackets, parentheses, backticks, fences, spaces, targets and every kind of line break. */
function randomBody(random: () => number): string {
  const count = Math.floor(random() * 80);
  let body = '';
  for (let i = 0; i < count; i++) body += PIECES[Math.floor(random() * PIECES.length)];
  return body;
}

describe('lintSkillMd: links, against a plain line-by-line reading', () => {
  it('agrees with the plain reading on 3,000 random bodies of brackets, code, fences and line breaks', () => {
    const random = prng(20261201);
    const verdicts = new Map<string, boolean>();
    let links = 0;
    for (let i = 0; i < 3000; i++) {
      const text = `---\n${VALID.join('\n')}\n---\n${randomBody(random)}`;
      const expected = referenceLinks(text, 4)
        .filter(([, , target]) => verdicts.get(target) ?? verdicts.set(target, reported(target)).get(target))
        .map(([line, character, target]) => [line, character, character + target.length]);
      const found = lint(text, { fileExists: () => false })
        .filter((d) => d.rule === 'link-broken' || d.rule === 'link-outside')
        .map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]);
      assert.deepEqual(found, expected, JSON.stringify(text));
      links += found.length;
    }
    assert.ok(links > 1000, `only ${links} links in the random bodies`);
  });
});
