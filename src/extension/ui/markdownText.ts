/**
 * `text` as Markdown that renders as exactly that text: every ASCII punctuation character is backslash-escaped
 * (so nothing from the service becomes a link, an image or markup) and each line break is kept. Unlike
 * `MarkdownString.appendText`, spaces stay ordinary spaces, so a long description wraps like prose.
 */
export function markdownText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\r?\n/g, '  \n');
}
