import type { ChatOptions, ChatSettings, Labels, SkillChoice } from '../../shared/chat/protocol';
import { MAX_PROMPT_CHARS, MAX_TOKENS_LIMIT } from '../../shared/chat/protocol';
import { button, el, iconButton } from './dom';
import { format, formatCount } from './text';

/** What the composer asks the host to do. */
export interface ComposerActions {
  send(text: string): void;
  stop(): void;
  addSkills(): void;
  removeSkill(skillId: string): void;
  setSkillVersion(skillId: string, version: string): void;
  setOptions(options: ChatOptions): void;
  /** The system prompt was opened or closed (the page keeps that across reloads). */
  systemToggled(): void;
}

function skillChip(skill: SkillChoice, labels: Labels, actions: ComposerActions): HTMLElement {
  const select = el('select', { attrs: { 'aria-label': `${labels.version}: ${skill.title}` } });
  const refs = [{ ref: 'latest', label: labels.latest }, ...skill.versions.filter((version) => version.ref !== 'latest')];
  if (!refs.some((version) => version.ref === skill.version)) refs.push({ ref: skill.version, label: skill.version });
  for (const version of refs) select.append(el('option', { text: version.label, attrs: { value: version.ref } }));
  select.value = skill.version;
  select.addEventListener('change', () => actions.setSkillVersion(skill.skillId, select.value));
  const remove = iconButton('close', `${labels.removeSkill}: ${skill.title}`, () => actions.removeSkill(skill.skillId));
  return el('li', {
    className: `skill-chip ${skill.type}`,
    attrs: { title: skill.skillId },
    children: [el('span', { className: 'skill-title', text: skill.title }), select, remove],
  });
}

/**
 * The skills, model, max tokens and system prompt of the next request, and the prompt box: Enter sends,
 * Shift+Enter starts a new line, and the Send button turns into Stop while a reply streams. A prompt or system
 * prompt longer than the protocol's limit stays where it is, with a note that says why it is not sent.
 */
export class Composer {
  readonly settingsElement: HTMLElement;
  readonly promptElement: HTMLElement;
  private readonly skills = el('ul', { className: 'skills' });
  private readonly model: HTMLInputElement;
  private readonly models = el('datalist', { attrs: { id: 'models' } });
  private readonly maxTokens: HTMLInputElement;
  private readonly systemDetails: HTMLDetailsElement;
  private readonly system: HTMLTextAreaElement;
  private readonly prompt: HTMLTextAreaElement;
  private readonly note = el('div', { className: 'prompt-note', attrs: { role: 'alert', id: 'prompt-note' } });
  private readonly sendButton: HTMLButtonElement;
  private busy = false;

  constructor(
    private readonly labels: Labels,
    private readonly actions: ComposerActions,
  ) {
    this.model = el('input', { attrs: { id: 'model', list: 'models', spellcheck: 'false', autocomplete: 'off' } });
    this.maxTokens = el('input', { attrs: { id: 'max-tokens', type: 'number', min: '1', max: String(MAX_TOKENS_LIMIT), step: '1' } });
    this.system = el('textarea', { attrs: { id: 'system-prompt', rows: '3', 'aria-label': labels.systemPrompt } });
    for (const input of [this.model, this.maxTokens, this.system]) input.addEventListener('change', () => this.optionsChanged());
    this.system.addEventListener('input', () => this.checkLengths());
    const addSkill = button(labels.addSkill, labels.addSkill, () => actions.addSkills(), 'secondary add-skill');
    this.systemDetails = el('details', { className: 'system', children: [el('summary', { text: labels.systemPrompt }), this.system] });
    this.systemDetails.addEventListener('toggle', () => actions.systemToggled());
    this.settingsElement = el('div', {
      className: 'settings',
      children: [
        el('div', {
          className: 'skills-row',
          children: [el('span', { className: 'row-label', text: labels.skills }), addSkill, this.skills],
        }),
        el('div', {
          className: 'options-row',
          children: [
            el('label', { attrs: { for: 'model' }, text: labels.model }),
            this.model,
            this.models,
            el('label', { attrs: { for: 'max-tokens' }, text: labels.maxTokens }),
            this.maxTokens,
          ],
        }),
        this.systemDetails,
      ],
    });

    this.prompt = el('textarea', {
      attrs: {
        id: 'prompt',
        rows: '3',
        placeholder: labels.promptPlaceholder,
        'aria-label': labels.promptPlaceholder,
        'aria-describedby': 'prompt-note',
      },
    });
    this.prompt.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      this.submit();
    });
    this.prompt.addEventListener('input', () => this.checkLengths());
    this.note.hidden = true;
    this.sendButton = el('button', { className: 'send', text: labels.send, attrs: { type: 'button' } });
    this.sendButton.addEventListener('click', () => (this.busy ? actions.stop() : this.submit()));
    this.promptElement = el('div', {
      className: 'prompt-area',
      children: [this.note, el('div', { className: 'prompt-row', children: [this.prompt, this.sendButton] })],
    });
  }

  /** Whether the system prompt is open. */
  get systemOpen(): boolean {
    return this.systemDetails.open;
  }

  set systemOpen(open: boolean) {
    this.systemDetails.open = open;
  }

  /** Shows the settings the host holds. */
  showSettings(settings: ChatSettings): void {
    this.skills.replaceChildren(...settings.skills.map((skill) => skillChip(skill, this.labels, this.actions)));
    if (document.activeElement !== this.model) this.model.value = settings.model;
    if (document.activeElement !== this.maxTokens) this.maxTokens.value = String(settings.maxTokens);
    if (document.activeElement !== this.system) this.system.value = settings.systemPrompt;
  }

  /** Offers these model ids in the model field (any other id may still be typed). */
  showModels(models: readonly string[]): void {
    this.models.replaceChildren(...models.map((model) => el('option', { attrs: { value: model } })));
  }

  /** While busy, Enter does nothing and the button stops the reply. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.sendButton.textContent = busy ? this.labels.stop : this.labels.send;
    this.sendButton.classList.toggle('stop', busy);
    if (!busy) this.prompt.focus();
  }

  /** Puts the cursor in the prompt box. */
  focus(): void {
    this.prompt.focus();
  }

  private submit(): void {
    const text = this.prompt.value;
    if (this.busy || text.trim() === '' || !this.checkLengths()) return;
    this.optionsChanged();
    this.actions.send(text);
    this.prompt.value = '';
  }

  /** Shows why the prompt or the system prompt cannot be sent, if one is too long; true when both fit. */
  private checkLengths(): boolean {
    const tooLong = [this.prompt, this.system].find((box) => box.value.length > MAX_PROMPT_CHARS);
    this.note.hidden = tooLong === undefined;
    this.prompt.toggleAttribute('aria-invalid', tooLong === this.prompt);
    this.system.toggleAttribute('aria-invalid', tooLong === this.system);
    if (tooLong) {
      if (tooLong === this.system) this.systemDetails.open = true;
      const template = tooLong === this.prompt ? this.labels.promptTooLong : this.labels.systemPromptTooLong;
      this.note.textContent = format(template, formatCount(tooLong.value.length), formatCount(MAX_PROMPT_CHARS));
    }
    return tooLong === undefined;
  }

  private optionsChanged(): void {
    const maxTokens = Math.trunc(Number(this.maxTokens.value));
    if (!Number.isFinite(maxTokens) || maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT || !this.checkLengths()) return;
    this.actions.setOptions({ model: this.model.value.trim(), maxTokens, systemPrompt: this.system.value });
  }
}
