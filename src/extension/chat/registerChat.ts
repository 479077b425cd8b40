import * as vscode from 'vscode';
import { lazyBundle } from '../../core/lazyBundle';
import type { Services } from '../services/services';
import type { ChatPanel } from './chatPanel';
import type { ChatPanels, TestableNode } from './chatPanels';
import { CHAT_VIEW_TYPE } from './chatViewType';
import { folderSkillLinks } from './folderSkillLinks';

/** What the chat hands to tests through `activate`'s return value. */
export interface ChatHandles {
  /** The open chat panel, if any. */
  readonly panel: () => ChatPanel | undefined;
  /** What the serializer does with a panel VS Code brings back after a reload, and the state its webview saved. */
  readonly revive: (panel: vscode.WebviewPanel, state: unknown) => ChatPanel;
}

/** dist/chat.js, required on first use. */
const chatModule = lazyBundle<typeof import('./chatPanels')>('chat.js');

/**
 * Registers the test chat: its commands (palette, tree items, SKILL.md editor title) and the serializer that
 * brings the panel back after a reload. The panel's code is dist/chat.js, required on first use. A skill folder is
 * tested as the remote skill it is linked to.
 */
export function registerChat(context: vscode.ExtensionContext, services: Services): ChatHandles {
  const { session: api, log, folders, prompts } = services;
  let panels: ChatPanels | undefined;
  const chat = (): ChatPanels => {
    if (!panels) {
      const { ChatPanels: Panels } = chatModule();
      panels = new Panels({ extensionUri: context.extensionUri, api, log, prompts }, folderSkillLinks(folders, prompts, log));
    }
    return panels;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(CHAT_VIEW_TYPE, {
      deserializeWebviewPanel(panel, state: unknown) {
        chat().revive(panel, state);
        return Promise.resolve();
      },
    }),
    vscode.commands.registerCommand('skillsmith.chat.open', () => {
      chat().open();
    }),
    vscode.commands.registerCommand('skillsmith.chat.testSkill', (node: TestableNode) => chat().testNode(node)),
    vscode.commands.registerCommand('skillsmith.chat.testSkillMd', (uri?: vscode.Uri) =>
      chat().testSkillMd(uri ?? vscode.window.activeTextEditor?.document.uri),
    ),
    { dispose: () => panels?.panel?.dispose() },
  );
  return { panel: () => panels?.panel, revive: (panel, state) => chat().revive(panel, state) };
}
