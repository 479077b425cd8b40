/** Text from files made safe for a terminal: a linted repository must not be able to drive it. */

/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional controls (which can make a line read
 * differently from what it holds). Line feed and tab are controls too: one finding stays one line.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as a visible escape (`\x1B`, `\u202E`). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
