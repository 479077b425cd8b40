/** Invisible characters that make a reader see one text and Claude another: bidi controls, zero-width characters, Unicode tags. */
import { isAscii } from 'node:buffer';

/** One run of hidden characters, by UTF-16 offsets in the scanned text. */
export interface HiddenRun {
  readonly start: number;
  readonly end: number;
  /** What the run is and, for Unicode tags, the ASCII text it spells. */
  readonly description: string;
}

const NAMES: Readonly<Record<number, string>> = {
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x2060: 'word joiner',
  0x180e: 'Mongolian vowel separator',
  0xfeff: 'zero-width no-break space',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** A candidate hidden character: the BMP ones above, or a high surrogate of the tag block (U+E0000–E007F is \uDB40\uDC00–\uDC7F). */
const CANDIDATE = /[\u200B-\u200D\u2060\u180E\uFEFF\u202A-\u202E\u2066-\u2069]|\uDB40[\uDC00-\uDC7F]/g;

/** The most tag characters decoded into one message. */
const MAX_DECODED = 200;

/**
 * The runs of hidden characters in `text`. Joiners between two non-ASCII characters (emoji sequences, Indic and
 * Persian scripts) and the tag sequences of flag emoji (after U+1F3F4) are writing, not hiding, and are skipped;
 * so is a byte-order mark at the very start. Stops after `limit` runs; linear in the text's length.
 */
export function findHiddenRuns(text: string, limit: number): HiddenRun[] {
  const runs: HiddenRun[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null && runs.length < limit; match = CANDIDATE.exec(text)) {
    const start = match.index;
    if (match[0].length === 2) {
      let end = start;
      let decoded = '';
      while (
        end + 1 < text.length &&
        text.charCodeAt(end) === 0xdb40 &&
        text.charCodeAt(end + 1) >= 0xdc00 &&
        text.charCodeAt(end + 1) <= 0xdc7f
      ) {
        const ascii = text.charCodeAt(end + 1) - 0xdc00;
        if (decoded.length < MAX_DECODED && ascii >= 0x20 && ascii < 0x7f) decoded += String.fromCharCode(ascii);
        end += 2;
      }
      CANDIDATE.lastIndex = end;
      if (followsBlackFlag(text, start)) continue;
      const count = (end - start) / 2;
      const spelled = decoded.length > 0 ? ` that spell "${decoded}${count > MAX_DECODED ? '…' : ''}"` : '';
      runs.push({
        start,
        end,
        description: `${count.toLocaleString('en-US')} invisible Unicode tag character${count === 1 ? '' : 's'}${spelled}`,
      });
      continue;
    }
    const code = text.charCodeAt(start);
    if (code === 0xfeff && start === 0) continue;
    if ((code === 0x200c || code === 0x200d) && isNonAscii(text, start - 1) && isNonAscii(text, start + 1)) continue;
    runs.push({ start, end: start + 1, description: `a ${NAMES[code]} (U+${code.toString(16).toUpperCase().padStart(4, '0')})` });
  }
  return runs;
}

function isNonAscii(text: string, index: number): boolean {
  return index >= 0 && index < text.length && text.charCodeAt(index) > 0x7f;
}

/** True when the tag run at `start` follows U+1F3F4 WAVING BLACK FLAG (\uD83C\uDFF4): a subdivision flag such as England's. */
function followsBlackFlag(text: string, start: number): boolean {
  return start >= 2 && text.charCodeAt(start - 2) === 0xd83c && text.charCodeAt(start - 1) === 0xdff4;
}

/**
 * True when UTF-8 `bytes` hold the encoding of a character CANDIDATE matches (only then can `findHiddenRuns` find
 * anything in their text): found by native byte search for each lead byte, so a file is decoded only when it holds one.
 * U+180E is E1 A0 8E; U+200B–200D E2 80 8B–8D, U+202A–202E E2 80 AA–AE, U+2060 E2 81 A0, U+2066–2069 E2 81 A6–A9;
 * U+FEFF EF BB BF; the tags U+E0000–E007F F3 A0 80–81 80–BF.
 */
export function mayHoldHiddenText(bytes: Uint8Array): boolean {
  if (isAscii(bytes)) return false;
  return (
    holdsAfterLead(bytes, 0xe2, (second, third) =>
      second === 0x80
        ? (third >= 0x8b && third <= 0x8d) || (third >= 0xaa && third <= 0xae)
        : second === 0x81 && (third === 0xa0 || (third >= 0xa6 && third <= 0xa9)),
    ) ||
    holdsAfterLead(bytes, 0xe1, (second, third) => second === 0xa0 && third === 0x8e) ||
    holdsAfterLead(bytes, 0xef, (second, third) => second === 0xbb && third === 0xbf) ||
    holdsAfterLead(
      bytes,
      0xf3,
      (second, third, fourth) => second === 0xa0 && (third === 0x80 || third === 0x81) && fourth >= 0x80 && fourth <= 0xbf,
    )
  );
}

/** True when some `lead` byte in `bytes` is followed by bytes that `follows` accepts (past the end reads as 0). */
function holdsAfterLead(bytes: Uint8Array, lead: number, follows: (second: number, third: number, fourth: number) => boolean): boolean {
  const at = (i: number): number => (i < bytes.length ? bytes[i] : 0);
  for (let i = bytes.indexOf(lead); i >= 0; i = bytes.indexOf(lead, i + 1)) if (follows(at(i + 1), at(i + 2), at(i + 3))) return true;
  return false;
}
