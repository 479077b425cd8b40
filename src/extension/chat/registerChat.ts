import * as vscode from 'vscode';
import type { ChosenSkill } from '../../core/chat/viewModel';
import { parsePanelState, type SkillChoice } from '../../shared/chat/protocol';
import type { ApiSession } from '../api/apiSession';
import type { SkillNode } from '../tree/nodes/skillNode';
import type { VersionNode } from '../tree/nodes/versionNode';
import { interactiveChatPrompts, type ChatPrompts } from './chatPrompts';
import { CHAT_VIEW_TYPE, ChatPanel } from './chatPanel';
import { skillChoice, skillType } from './skillChoices';

/**
 * The remote skill a local SKILL.md was published as. The link store that knows it is built with publish;
 * until then no folder is linked and "Test in Chat" on a SKILL.md asks which remote skill to test.
 */
export interface SkillLinks {
  /** The linked skill of the folder holding `skillMd`, or undefined when it has none. */
  linkedSkill(skillMd: vscode.Uri): Promise<(ChosenSkill & { readonly title: string }) | undefined>;
}

/** What the chat hands to tests through `activate`'s return value. */
export interface ChatHandles {
  /** The open chat panel, if any. */
  readonly panel: () => ChatPanel | undefined;
  /** The questions the chat asks; tests replace members to answer them. */
  readonly prompts: ChatPrompts;
  /** What the serializer does with a panel VS Code brings back after a reload, and the state its webview saved. */
  readonly revive: (panel: vscode.WebviewPanel, state: unknown) => ChatPanel;
}

/** A node of the remote skills tree that "Test in Chat" accepts. */
type TestableNode = SkillNode | VersionNode;

/**
 * Registers the test chat: its commands (palette, tree items, SKILL.md editor title) and the serializer that
 * brings the panel back after a reload. One panel at a time; the commands add skills to it.
 */
export function registerChat(context: vscode.ExtensionContext, api: ApiSession, log: vscode.LogOutputChannel, links?: SkillLinks): ChatHandles {
  const prompts: ChatPrompts = { ...interactiveChatPrompts };
  const deps = { extensionUri: context.extensionUri, api, log, prompts };
  let current: ChatPanel | undefined;

  const adopt = (panel: ChatPanel): ChatPanel => {
    current = panel;
    panel.onDidDispose(() => {
      if (current === panel) current = undefined;
    });
    return panel;
  };
  const open = (): ChatPanel => {
    if (current) {
      current.reveal();
      return current;
    }
    const panel = vscode.window.createWebviewPanel(CHAT_VIEW_TYPE, vscode.l10n.t('Skill Test Chat'), vscode.ViewColumn.Active, { retainContextWhenHidden: false });
    return adopt(new ChatPanel(panel, deps, undefined));
  };
  const revive = (panel: vscode.WebviewPanel, state: unknown): ChatPanel => {
    const restored = parsePanelState(state);
    if (state !== undefined && !restored) log.warn('Chat: the saved chat state did not fit and was dropped');
    current?.dispose();
    return adopt(new ChatPanel(panel, deps, restored));
  };
  const testChoices = async (choices: Promise<SkillChoice[]>) => {
    const panel = open();
    panel.addSkills(await choices);
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(CHAT_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        revive(panel, state);
      },
    }),
    vscode.commands.registerCommand('skillsmith.chat.open', () => {
      open();
    }),
    vscode.commands.registerCommand('skillsmith.chat.testSkill', async (node: TestableNode) => {
      const skill = 'version' in node ? node.parent.skill : node.skill;
      const version = 'version' in node ? node.version.ref : 'latest';
      const client = await api.getClient();
      await testChoices(skillChoice(client, { type: skillType(skill), skillId: skill.id, title: skill.title || skill.id }, version).then((choice) => [choice]));
    }),
    vscode.commands.registerCommand('skillsmith.chat.testSkillMd', async (uri?: vscode.Uri) => {
      const skillMd = uri ?? vscode.window.activeTextEditor?.document.uri;
      const linked = skillMd && links ? await links.linkedSkill(skillMd) : undefined;
      if (linked) {
        const client = await api.getClient();
        await testChoices(skillChoice(client, { type: linked.type, skillId: linked.skillId, title: linked.title }, linked.version).then((choice) => [choice]));
        return;
      }
      // No link yet: open the chat and let the user pick the remote skill this folder was published as.
      const folder = skillMd ? vscode.workspace.asRelativePath(vscode.Uri.joinPath(skillMd, '..')) : '';
      await open().pickSkills(vscode.l10n.t('The Remote Skill to Test for {0}', folder));
    }),
  );
  return { panel: () => current, prompts, revive };
}
