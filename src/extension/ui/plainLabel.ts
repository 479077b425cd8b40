/**
 * `text` shown as it is in a label that renders `$(name)` as an icon (quick pick rows, status bar items): a message
 * quoting a shell command's `$(env)`, or a file named so, would otherwise lose those characters to an icon.
 */
export function plainLabel(text: string): string {
  return text.replace(/(\\)?\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, (match: string, escaped: string | undefined) =>
    escaped ? match : `\\${match}`,
  );
}
