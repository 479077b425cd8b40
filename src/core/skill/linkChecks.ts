/** Checks of the body's relative Markdown links and images: do they name a file in the skill folder? */
import { finding, type Finding } from './finding';
import type { ParsedSkillMd } from './parse';

const LINK = /!?\[[^\]]*\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The findings about links: `link-outside` always, `link-broken` when `fileExists` is given. */
export function checkLinks(parsed: ParsedSkillMd, fileExists: ((relativePosixPath: string) => boolean) | undefined): Finding[] {
  const { lines } = parsed;
  const found: Finding[] = [];
  let fence: string | undefined;
  for (let line = parsed.bodyStartLine; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const marker = FENCE.exec(text)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined || !text.includes('](')) continue;
    const visible = text.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    for (const match of visible.matchAll(LINK)) {
      const raw = match[1];
      const start = (match.index ?? 0) + match[0].length - raw.length;
      const range = { start: { line, character: start }, end: { line, character: start + raw.length } };
      const target = linkTarget(raw);
      if (target === undefined) continue;
      if (target.outside) {
        found.push(finding('link-outside', `\`${raw}\` points outside the skill folder; it will not be uploaded. Copy the file into the folder.`, range));
      } else if (fileExists && !fileExists(target.path)) {
        found.push(finding('link-broken', `\`${target.path}\` is not in the skill folder: fix the link or add the file.`, range));
      }
    }
  }
  return found;
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
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
