import DOMPurify from 'dompurify';
import { markdownParser } from './markdownParser';

/*
 * Markdown from the model is hostile input. markdown-it parses it with raw HTML off (a `<script>` or an
 * `<img onerror>` in the text stays text) and refuses `javascript:`/`vbscript:`/`file:`/`data:` links;
 * DOMPurify then sanitises the HTML it made, keeping only http(s) links (any other link becomes plain text
 * followed by its target). Images are not rendered (the CSP
 * would block remote ones anyway, and a reply must not load tracking pixels): their Markdown stays text.
 * Links are opened by the host after its own check (see `linkTarget`), never by the webview.
 */

/** Only absolute http(s) URLs may be links. */
const ALLOWED_LINK = /^https?:\/\//i;

const purify = DOMPurify(window);
/** The target of each link whose target the sanitiser removed (a `command:` link), to show it as text. */
const refusedTargets = new WeakMap<Element, string>();
purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (node.tagName === 'A' && data.attrName === 'href' && !ALLOWED_LINK.test(data.attrValue)) refusedTargets.set(node, data.attrValue);
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href');
  if (href === null || !ALLOWED_LINK.test(href)) node.removeAttribute('href');
  node.removeAttribute('target');
  node.setAttribute('rel', 'noopener noreferrer');
  if (node.hasAttribute('href')) node.setAttribute('title', href ?? '');
});

/** Sanitises untrusted HTML into a fragment of the page's document; a link it refused becomes plain text. */
function sanitise(html: string): DocumentFragment {
  const fragment = purify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_URI_REGEXP: ALLOWED_LINK,
    FORBID_TAGS: ['style', 'img', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'id', 'name'],
  });
  for (const anchor of Array.from(fragment.querySelectorAll('a:not([href])'))) neutralise(anchor);
  return fragment;
}

/**
 * Shows a link the sanitiser took the target from as what it is: plain text, followed by the target it had (so a
 * `command:` link reads as one and looks like nothing to click).
 */
function neutralise(anchor: Element): void {
  const target = refusedTargets.get(anchor);
  const text = document.createElement('span');
  text.className = 'refused-link';
  text.append(...Array.from(anchor.childNodes));
  if (target && target !== anchor.textContent) text.append(` (${target})`);
  anchor.replaceWith(text);
}

/** Renders untrusted Markdown into a sanitised fragment. */
export function renderMarkdown(source: string): DocumentFragment {
  return sanitise(markdownParser.render(source));
}

/**
 * Renders several Markdown texts, each on its own, into one sanitised fragment holding one
 * `<div class="{className}">` per text. One sanitiser pass for all of them: each pass parses its HTML into a
 * new document, which costs more than the Markdown itself for a short text. (markdown-it's HTML is balanced,
 * so no text's HTML can reach into its neighbour's.)
 */
export function renderMarkdownEach(sources: readonly string[], className: string): DocumentFragment {
  return sanitise(sources.map((source) => `<div class="${className}">${markdownParser.render(source)}</div>`).join(''));
}

/** The URL a click on `target` should open: an http(s) link rendered from Markdown, or undefined. */
export function linkTarget(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  const anchor = target.closest('a');
  const href = anchor?.getAttribute('href');
  return href && ALLOWED_LINK.test(href) ? href : undefined;
}

/** A little of each construct a reply uses, to warm the parser and the sanitiser up. */
const WARM_UP =
  '# Title\n\nSome *text* with `code` and a [link](https://example.com).\n\n- one\n- two\n\n```js\nconst x = 1;\n```\n\n> quote\n';

/**
 * Renders a small sample while the page is idle, so the first reply does not pay for compiling the parser and
 * the sanitiser in the middle of its stream.
 */
export function warmUpMarkdown(): void {
  requestIdleCallback(() => renderMarkdown(WARM_UP));
}
