import MarkdownIt from 'markdown-it';

/*
 * The Markdown parser of the chat page, apart from the sanitiser so that its HTML can be checked without a
 * DOM: raw HTML off (a `<script>` or an `<img onerror>` in the text stays text), `javascript:`, `vbscript:`,
 * `file:` and `data:` links refused by markdown-it itself, and images off (their Markdown stays text).
 */

/** The configured markdown-it instance: its HTML is untrusted until sanitised (see `markdown.ts`). */
export const markdownParser = new MarkdownIt({ html: false, linkify: true, breaks: false });
markdownParser.disable('image');
