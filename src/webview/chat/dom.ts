/** Attributes and children of an element made with `el`. */
export interface ElementSpec {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly children?: readonly (Node | null | undefined)[];
}

/**
 * Makes an element. Text is always set as text (`textContent`), never parsed as HTML: use it for every
 * string that came from the model, a skill or the service.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, spec: ElementSpec = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (spec.className) element.className = spec.className;
  if (spec.text !== undefined) element.textContent = spec.text;
  for (const [name, value] of Object.entries(spec.attrs ?? {})) element.setAttribute(name, value);
  for (const child of spec.children ?? []) if (child) element.append(child);
  return element;
}

/** A button; `label` is its accessible name (and tooltip) when its visible text is a symbol. */
export function button(text: string, label: string, onClick: () => void, className = ''): HTMLButtonElement {
  const element = el('button', { text, className, attrs: { type: 'button', 'aria-label': label, title: label } });
  element.addEventListener('click', onClick);
  return element;
}

/** A button showing only a codicon (`copy`, `close`, …); `label` is its accessible name and tooltip. */
export function iconButton(icon: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = button('', label, onClick, 'icon-button');
  element.append(el('span', { className: `codicon codicon-${icon}`, attrs: { 'aria-hidden': 'true' } }));
  return element;
}
