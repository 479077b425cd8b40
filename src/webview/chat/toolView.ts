import type { ProducedFile, ToolCallBlock } from '../../core/chat/viewModel';
import type { Labels } from '../../shared/chat/protocol';
import { el } from './dom';

/** What the page can do for a file a tool produced. */
export type SaveFile = (file: ProducedFile) => void;

/** One line that names a tool call: the bash command, or the editor command and its path. */
function summary(block: ToolCallBlock): string {
  const input = block.input;
  const command = typeof input?.command === 'string' ? input.command : '';
  const path = typeof input?.path === 'string' ? input.path : '';
  if (block.kind === 'bash') return command || block.name;
  if (path) return command && command !== block.kind ? `${command} ${path}` : path;
  return block.name;
}

function output(label: string, text: string, className: string): HTMLElement | null {
  if (!text) return null;
  return el('div', {
    className: `tool-output ${className}`,
    children: [el('div', { className: 'tool-output-label', text: label }), el('pre', { text })],
  });
}

/**
 * A tool's input while it streams: one text node, kept in place, that new text is appended to (a long input
 * would otherwise be made and laid out anew on every frame). Hidden while empty.
 */
class StreamedInput {
  readonly element: HTMLElement;
  private readonly node = document.createTextNode('');
  private shown = '';

  constructor(label: string) {
    this.element = el('div', {
      className: 'tool-output tool-input',
      children: [el('div', { className: 'tool-output-label', text: label }), el('pre', { children: [this.node] })],
    });
    this.element.hidden = true;
  }

  show(text: string): void {
    if (text.startsWith(this.shown)) this.node.appendData(text.slice(this.shown.length));
    else this.node.data = text;
    this.shown = text;
    this.element.hidden = text === '';
  }
}

/** Buttons that save each produced file (the turn's footer: one button per file in the whole turn). */
export function fileList(files: readonly ProducedFile[], labels: Labels, save: SaveFile): HTMLElement | null {
  if (files.length === 0) return null;
  return el('ul', {
    className: 'files',
    children: files.map((file) => {
      const name = file.filename ?? file.fileId;
      const saveButton = el('button', {
        className: 'secondary',
        text: labels.saveToWorkspace,
        attrs: { type: 'button', 'aria-label': `${labels.saveToWorkspace} ${name}` },
      });
      saveButton.addEventListener('click', () => save(file));
      return el('li', {
        children: [el('span', { className: 'codicon codicon-file' }), el('span', { className: 'file-name', text: name }), saveButton],
      });
    }),
  });
}

/** The names of the files a tool call produced (their Save buttons are in the turn's footer). */
function fileNames(files: readonly ProducedFile[], labels: Labels): HTMLElement | null {
  if (files.length === 0) return null;
  return el('ul', {
    className: 'files',
    children: files.map((file) => el('li', { text: `${labels.file}: ${file.filename ?? file.fileId}` })),
  });
}

/**
 * A collapsible tool call: its summary line, its input (the streamed JSON until it is complete), and its
 * result (stdout, stderr, return code, or the error). Open while it runs, closed once it has a result
 * unless the user opened it. The summary line's command shows only while it is closed: open, the input
 * below shows it whole.
 */
export class ToolView {
  readonly element = el('details', { className: 'tool' });
  private readonly head = el('summary');
  private readonly input: StreamedInput;
  private readonly results = el('div', { className: 'tool-results' });
  private userToggled = false;
  /** What the view last set `open` to; a toggle to anything else was the user's. */
  private autoOpen: boolean | null = null;

  constructor(private readonly labels: Labels) {
    this.input = new StreamedInput(labels.toolInput);
    this.element.append(this.head, this.input.element, this.results);
    this.element.addEventListener('toggle', () => {
      if (this.element.open !== this.autoOpen) this.userToggled = true;
    });
  }

  /** Redraws from the block's current state. */
  update(block: ToolCallBlock): void {
    const { labels } = this;
    const result = block.result;
    const failed = result?.kind === 'error' || (result?.kind === 'bash' && result.returnCode !== 0);
    const state = result ? (failed ? 'failed' : 'done') : 'running';
    this.element.dataset.state = state;
    this.head.replaceChildren(
      ...[
        el('span', { className: 'codicon codicon-chevron-right tool-chevron', attrs: { 'aria-hidden': 'true' } }),
        el('span', {
          className: `codicon codicon-${state === 'running' ? 'loading codicon-modifier-spin' : state === 'failed' ? 'error' : 'check'} tool-state`,
          attrs: { 'aria-hidden': 'true' },
        }),
        el('span', { className: 'tool-kind', text: block.kind }),
        el('code', { className: 'tool-summary', text: summary(block) }),
        result ? null : el('span', { className: 'tool-running', text: labels.running }),
      ].filter((part): part is HTMLElement => part !== null),
    );
    const command = block.kind === 'bash' && typeof block.input?.command === 'string' ? block.input.command : null;
    this.input.show(command ?? (block.inputDone && block.input ? JSON.stringify(block.input, null, 2) : block.inputJson));
    const parts: (HTMLElement | null)[] = [];
    if (result?.kind === 'bash') {
      parts.push(
        output(labels.stdout, result.stdout, 'stdout'),
        output(labels.stderr, result.stderr, 'stderr'),
        el('div', { className: 'tool-return', text: `${labels.returnCode}: ${result.returnCode}` }),
        fileNames(result.files, labels),
      );
    } else if (result?.kind === 'editor') {
      parts.push(output(labels.stdout, result.content ?? '', 'stdout'));
    } else if (result?.kind === 'error') {
      parts.push(el('div', { className: 'tool-error', text: `${labels.toolError}: ${result.errorCode}` }));
    }
    this.results.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
    if (!this.userToggled) {
      this.autoOpen = !result;
      this.element.open = this.autoOpen;
    }
  }
}
