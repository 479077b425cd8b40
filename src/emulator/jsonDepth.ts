/** How deeply a JSON text nests, read without parsing it: a body nested too deep is refused before any recursion. */

/** The deepest nesting of objects and arrays the emulator reads (the service's requests are far shallower). */
export const MAX_JSON_DEPTH = 1000;

/** Whether `text` nests objects and arrays more than `limit` levels deep (strings are skipped, escapes and all). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}
