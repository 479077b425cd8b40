import * as vscode from 'vscode';
import { parsePanelState, type SkillChoice } from '../../shared/chat/protocol';
import type { RemoteSkillItem, RemoteVersionItem } from '../shared/remoteItems';
import { displayPath } from '../ui/displayPath';
import { ChatPanel, type ChatPanelDependencies } from './chatPanel';
import { CHAT_VIEW_TYPE } from './chatViewType';
import type { SkillLinks } from './skillLinks';
import { skillChoice, skillType } from './skillChoices';

/** A node of the remote skills tree that "Test in Chat" accepts. */
export type TestableNode = RemoteSkillItem | RemoteVersionItem;

/**
 * The chat's panels and what its commands do with them: one panel at a time; the commands add skills to it.
 * This is the entry of dist/chat.js, loaded on the first chat command or restored panel, so none of it (nor the
 * protocol's schemas) weighs on activation.
 */
export class ChatPanels {
  private current: ChatPanel | undefined;

  constructor(
    private readonly deps: ChatPanelDependencies,
    private readonly links: SkillLinks,
  ) {}

  /** The open panel, if any. */
  get panel(): ChatPanel | undefined {
    return this.current;
  }

  /** Shows the open panel, or opens one. */
  open(): ChatPanel {
    if (this.current) {
      this.current.reveal();
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(CHAT_VIEW_TYPE, vscode.l10n.t('Skill Test Chat'), vscode.ViewColumn.Active, {
      retainContextWhenHidden: false,
    });
    return this.adopt(new ChatPanel(panel, this.deps, undefined));
  }

  /** Takes over a panel VS Code brought back after a reload, with the state its page saved (checked here). */
  revive(panel: vscode.WebviewPanel, state: unknown): ChatPanel {
    const restored = parsePanelState(state);
    if (state !== undefined && !restored) this.deps.log.warn('Chat: the saved chat state did not fit and was dropped');
    this.current?.dispose();
    return this.adopt(new ChatPanel(panel, this.deps, restored));
  }

  /** "Test in Chat" on a skill (at `latest`) or a version of the tree. */
  async testNode(node: TestableNode): Promise<void> {
    const skill = 'version' in node ? node.parent.skill : node.skill;
    const version = 'version' in node ? node.version.ref : 'latest';
    await this.test(
      skillChoice(await this.deps.api.getClient(), { type: skillType(skill), skillId: skill.id, title: skill.title || skill.id }, version),
    );
  }

  /**
   * "Test Skill in Chat" on a skill folder or its SKILL.md: its linked skill at the version published from it,
   * or (no link yet) the remote skill the user picks.
   */
  async testSkillMd(target: vscode.Uri | undefined): Promise<void> {
    const answer = target ? await this.links.linkedSkill(target) : undefined;
    if (answer?.kind === 'cancelled') return;
    if (answer?.kind === 'linked') {
      const { skill } = answer;
      const client = await this.deps.api.getClient();
      await this.test(skillChoice(client, { type: skill.type, skillId: skill.skillId, title: skill.title }, skill.version));
      return;
    }
    const folder = answer ? displayPath(answer.folder) : '';
    await this.open().pickSkills(vscode.l10n.t('The Remote Skill to Test for {0}', folder));
  }

  private async test(choice: Promise<SkillChoice>): Promise<void> {
    const panel = this.open();
    panel.addSkills([await choice]);
  }

  private adopt(panel: ChatPanel): ChatPanel {
    this.current = panel;
    panel.onDidDispose(() => {
      if (this.current === panel) this.current = undefined;
    });
    return panel;
  }
}
