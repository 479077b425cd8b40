/** `text` ending in a full stop (unless it ends in . ! or ? already). */
export function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
