import type { ChatSessionOptions } from '../../core/chat/session';
import { DEFAULT_MAX_TOKENS } from '../../core/chat/defaultModel';
import type { ChatSettings, SkillChoice } from '../../shared/chat/protocol';
import { chatConfiguration } from '../services/chatConfiguration';

/** What a panel's next request is made with: the skills, model and limits chosen in it, and the chat settings. */
export class PanelSettings {
  private settings: ChatSettings;

  /** `saved`: the settings a reloaded page handed back; else the defaults. `changed` is told every change. */
  constructor(
    saved: ChatSettings | undefined,
    private readonly changed: (settings: ChatSettings) => void,
  ) {
    this.settings = saved ?? { skills: [], model: chatConfiguration().defaultModel, maxTokens: DEFAULT_MAX_TOKENS, systemPrompt: '' };
  }

  /** The settings now. */
  get current(): ChatSettings {
    return this.settings;
  }

  /** Adds skills, or changes the version of one already there. */
  addSkills(choices: readonly SkillChoice[]): void {
    const skills = [...this.settings.skills];
    for (const choice of choices) {
      const at = skills.findIndex((skill) => skill.skillId === choice.skillId);
      if (at >= 0) skills[at] = choice;
      else skills.push(choice);
    }
    this.update({ skills });
  }

  removeSkill(skillId: string): void {
    this.update({ skills: this.settings.skills.filter((skill) => skill.skillId !== skillId) });
  }

  setSkillVersion(skillId: string, version: string): void {
    this.update({ skills: this.settings.skills.map((skill) => (skill.skillId === skillId ? { ...skill, version } : skill)) });
  }

  update(changes: Partial<ChatSettings>): void {
    this.settings = { ...this.settings, ...changes };
    this.changed(this.settings);
  }

  /** The session options of the next request: these settings, and the `skillsmith.chat.*` settings read now. */
  sessionOptions(): ChatSessionOptions {
    const configuration = chatConfiguration();
    return {
      model: this.settings.model || configuration.defaultModel,
      maxTokens: this.settings.maxTokens,
      system: this.settings.systemPrompt || undefined,
      skills: this.settings.skills.map((skill) => ({ type: skill.type, skillId: skill.skillId, version: skill.version })),
      apiForm: configuration.apiForm,
      maxContinuations: configuration.maxContinuations,
    };
  }
}
