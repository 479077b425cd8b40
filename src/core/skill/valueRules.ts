/** Limits on frontmatter values that the Claude API enforces on upload: the linter reports them, the emulator refuses them. */

/** The longest `compatibility` value. */
export const COMPATIBILITY_LIMIT = 500;

/** An XML/HTML tag such as `<example>` or `</b>`; a bare `<`, `>` or `->` is not one. Global: use with `match`/`replace`. */
export const XML_TAG = /<\/?[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/?>/g;
