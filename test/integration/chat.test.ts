import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import type { ChatPanel } from '../../src/extension/chat/chatPanel';
import type { ChatHandles } from '../../src/extension/chat/registerChat';
import type { TreeNode } from '../../src/extension/tree/nodes/treeNode';
import type { RemoteSkills } from '../../src/extension/tree/registerRemoteSkills';
import { interactivePrompts, type Prompts } from '../../src/extension/ui/prompts';
import { DEFAULT_MAX_TOKENS, FALLBACK_MODEL } from '../../src/core/chat/defaultModel';
import type { ChatUpdate } from '../../src/core/chat/updates';
import type { AssistantTurn, ToolCallBlock } from '../../src/core/chat/viewModel';
import { MAX_PROMPT_CHARS, type HostMessage } from '../../src/shared/chat/protocol';
import { activateSeams } from './support/seams';

/** A key the emulator accepts; plainly not a real one. */
const TEST_KEY = 'skillsmith-chat-test-key';

/** Resolves with the next message the panel posts to its webview that `matches`. Subscribe before the action. */
function nextPosted<T extends HostMessage>(panel: ChatPanel, matches: (message: HostMessage) => message is T): Promise<T>;
function nextPosted(panel: ChatPanel, matches: (message: HostMessage) => boolean): Promise<HostMessage>;
function nextPosted(panel: ChatPanel, matches: (message: HostMessage) => boolean): Promise<HostMessage> {
  return new Promise((resolve) => {
    const subscription = panel.onDidPost((message) => {
      if (!matches(message)) return;
      subscription.dispose();
      resolve(message);
    });
  });
}

/** Every update the panel posts from now on. */
function recordUpdates(panel: ChatPanel): { readonly updates: ChatUpdate[]; dispose(): void } {
  const updates: ChatUpdate[] = [];
  const subscription = panel.onDidPost((message) => {
    if (message.type === 'updates') updates.push(...message.updates);
  });
  return {
    updates,
    dispose: () => {
      subscription.dispose();
    },
  };
}

function nextTurn(panel: ChatPanel): Promise<AssistantTurn> {
  return new Promise((resolve) => {
    const subscription = panel.onDidFinishTurn((turn) => {
      subscription.dispose();
      resolve(turn);
    });
  });
}

/**
 * Opens the panel (or shows the open one) and waits until its webview page has loaded and said `ready` (a hidden
 * webview is unloaded and loads again when shown).
 */
async function openReadyPanel(chat: ChatHandles): Promise<ChatPanel> {
  const open = chat.panel();
  if (open?.panel.visible) return open;
  const initialised = open ? nextPosted(open, (message) => message.type === 'init') : undefined;
  await vscode.commands.executeCommand('skillsmith.chat.open');
  const panel = chat.panel();
  assert.ok(panel, 'the command opens a chat panel');
  await (initialised ?? nextPosted(panel, (message) => message.type === 'init'));
  return panel;
}

function textOf(turn: AssistantTurn): string {
  return turn.blocks.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

function toolCalls(turn: AssistantTurn): ToolCallBlock[] {
  return turn.blocks.filter((block): block is ToolCallBlock => block.type === 'tool');
}

suite('Test chat', () => {
  let emulator: RunningEmulator;
  let remote: RemoteSkills;
  let chat: ChatHandles;
  let prompts: Prompts;
  const envKey = process.env.ANTHROPIC_API_KEY;
  const settings = () => vscode.workspace.getConfiguration('skillsmith');
  const workspaceRoot = () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the tests run in a workspace');
    return folder;
  };

  suiteSetup(async () => {
    const api = await activateSeams();
    remote = api.remoteSkills;
    chat = api.chat;
    prompts = api.prompts;
    delete process.env.ANTHROPIC_API_KEY;
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: true, apiKey: TEST_KEY });
    await settings().update('api.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    prompts.askApiKey = () => Promise.resolve(TEST_KEY);
    await vscode.commands.executeCommand('skillsmith.auth.setKey');
  });

  suiteTeardown(async () => {
    chat.panel()?.dispose();
    Object.assign(prompts, interactivePrompts);
    await vscode.commands.executeCommand('skillsmith.auth.signOut');
    await settings().update('api.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    if (envKey !== undefined) process.env.ANTHROPIC_API_KEY = envKey;
    await emulator.close();
  });

  test('the palette command opens the panel; its page loads under a strict CSP and asks for its state', async () => {
    const panel = await openReadyPanel(chat);
    const html = panel.panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const source = panel.panel.webview.cspSource;
    const nonce = /'nonce-([A-Za-z0-9+/=]{20,})'/.exec(csp)?.[1];
    assert.equal(csp, `default-src 'none'; style-src ${source}; font-src ${source}; script-src 'nonce-${nonce}'; img-src ${source} data:`);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.ok(nonce && html.includes(`<script nonce="${nonce}" src=`), 'the one script carries the nonce');
    const roots = panel.panel.webview.options.localResourceRoots?.map((uri) => uri.path) ?? [];
    assert.equal(roots.length, 1);
    assert.match(roots[0], /\/dist\/webview$/);
    assert.equal(panel.panel.webview.options.enableCommandUris, false);
    const { model, maxTokens } = panel.chatSettings;
    assert.deepEqual(
      { model, maxTokens },
      { model: FALLBACK_MODEL, maxTokens: DEFAULT_MAX_TOKENS },
      'the defaults of skillsmith run and the evals',
    );
  });

  test('"Test in Chat" on a skill of the tree adds it, with its versions to choose from', async () => {
    const panel = await openReadyPanel(chat);
    const custom = (await remote.tree.getChildren()).find((node) => node.id === 'group:custom');
    assert.ok(custom);
    const skill = (await remote.tree.getChildren(custom)).find((node: TreeNode) => node.id.startsWith('skill:'));
    assert.ok(skill, 'the emulator serves a custom skill');
    const settingsShown = nextPosted(panel, (message) => message.type === 'settings');
    await vscode.commands.executeCommand('skillsmith.chat.testSkill', skill);
    const posted = await settingsShown;
    assert.equal(posted.type, 'settings');
    const skillId = skill.id.slice('skill:'.length);
    const chosen = panel.chatSettings.skills.find((choice) => choice.skillId === skillId);
    assert.ok(chosen, 'the skill is chosen');
    assert.equal(chosen.version, 'latest');
    assert.ok(chosen.versions.length > 0, 'its versions are offered');
  });

  test('"Test Skill in Chat" on a SKILL.md asks which remote skill to test, Anthropic skills too', async () => {
    const panel = await openReadyPanel(chat);
    const skillMd = vscode.Uri.joinPath(workspaceRoot(), 'release-notes', 'SKILL.md');
    let offered: string[] = [];
    let title = '';
    prompts.pickSkills = async (items, pickerTitle) => {
      title = pickerTitle;
      const loaded = await items;
      offered = loaded.map((item) => item.label);
      return loaded.filter((item) => item.skillType === 'anthropic' && item.skillId).slice(0, 1);
    };
    await vscode.commands.executeCommand('skillsmith.chat.testSkillMd', skillMd);
    assert.match(title, /release-notes/);
    assert.ok(offered.includes('Custom') && offered.includes('Anthropic'), `both groups are offered: ${offered.join(', ')}`);
    const anthropic = panel.chatSettings.skills.find((skill) => skill.type === 'anthropic');
    assert.ok(anthropic, 'the Anthropic skill picked is added');
    assert.equal(anthropic.version, 'latest');
    await panel.receive({ type: 'removeSkill', skillId: anthropic.skillId });
    assert.equal(
      panel.chatSettings.skills.some((skill) => skill.type === 'anthropic'),
      false,
      'and can be removed',
    );
  });

  test('a prompt streams the answer and the tool calls with their output to the webview', async () => {
    const panel = await openReadyPanel(chat);
    const recorded = recordUpdates(panel);
    const finished = nextTurn(panel);
    await panel.receive({ type: 'send', text: 'Hello, which skills do you see?' });
    const turn = await finished;
    recorded.dispose();
    assert.equal(turn.status, 'done', turn.error?.message);
    assert.equal(turn.stopReason, 'end_turn');
    assert.match(textOf(turn), /Skillsmith emulator/);
    const bash = toolCalls(turn).find((block) => block.kind === 'bash');
    assert.ok(bash?.result?.kind === 'bash', 'a bash call ran');
    assert.match(bash.result.stdout, /\/skills\/.+\/SKILL\.md/);
    assert.ok(turn.container?.id, 'the turn names its container');
    assert.ok((turn.container?.skills.length ?? 0) > 0, 'the resolved skill versions are there');
    // What the page was told: the text in streamed pieces, the tool result once it arrived.
    const appended = recorded.updates.filter((update) => update.type === 'textAppended');
    assert.ok(appended.length > 0, 'text arrived as appends, not as whole copies');
    const streamedText = recorded.updates
      .flatMap((update) =>
        update.type === 'textAppended'
          ? [update.text]
          : update.type === 'blockAdded' && update.block.type === 'text'
            ? [update.block.text]
            : [],
      )
      .join('');
    assert.equal(streamedText, textOf(turn));
    assert.ok(
      recorded.updates.some(
        (update) => update.type === 'blockChanged' && update.block.type === 'tool' && update.block.result?.kind === 'bash',
      ),
      'the bash output was posted',
    );
  });

  test('"Save to Workspace…" writes a produced file into the workspace and never replaces one without asking', async () => {
    const panel = await openReadyPanel(chat);
    const finished = nextTurn(panel);
    await panel.receive({ type: 'send', text: 'Please create a file with a short report.' });
    const turn = await finished;
    assert.equal(turn.status, 'done', turn.error?.message);
    const file = turn.files[0];
    assert.ok(file, 'the reply produced a file');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'emulator-report.md');
    await Promise.resolve(vscode.workspace.fs.delete(target)).catch(() => undefined);

    await panel.receive({ type: 'saveFile', fileId: file.fileId });
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(saved, /^# Emulator report/);

    const asked: string[] = [];
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('my own notes'));
    prompts.confirmOverwrite = (uri) => {
      asked.push(uri.path);
      return Promise.resolve(undefined);
    };
    await panel.receive({ type: 'saveFile', fileId: file.fileId });
    assert.deepEqual(asked, [target.path], 'it asked before replacing');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'my own notes', 'cancel keeps the file');

    prompts.confirmOverwrite = () => Promise.resolve('replace');
    await panel.receive({ type: 'saveFile', fileId: file.fileId });
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^# Emulator report/);
    await vscode.workspace.fs.delete(target);
  });

  test('"Save to Workspace…" saves under one plain file name in the workspace folder, whatever name the service gave', async () => {
    const panel = await openReadyPanel(chat);
    const saveAs: string[] = [];
    prompts.chooseSaveTarget = (suggested) => {
      saveAs.push(vscode.workspace.asRelativePath(suggested));
      return Promise.resolve(undefined);
    };
    for (const [named, expected] of [
      ['../../escaped.md', 'escaped.md'],
      ['.vscode/settings.json', 'settings.json'],
      ['..', undefined],
    ] as const) {
      const finished = nextTurn(panel);
      await panel.receive({ type: 'send', text: `Please create a file named "${named}".` });
      const file = (await finished).files[0];
      assert.ok(file, `the reply produced a file named ${named}`);
      const plain = expected ?? file.fileId;
      assert.equal(file.filename, plain, 'the name shown is one plain file name');
      const target = vscode.Uri.joinPath(workspaceRoot(), plain);
      await panel.receive({ type: 'saveFile', fileId: file.fileId });
      assert.match(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(target)),
        /^# Emulator report/,
        `saved as ${plain} in the workspace folder`,
      );
      await vscode.workspace.fs.delete(target);
    }
    assert.deepEqual(saveAs, [], 'plain names in the workspace folder need no question');
    const parent = vscode.Uri.joinPath(workspaceRoot(), '..');
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(parent, 'escaped.md'))),
      'nothing was written outside the workspace',
    );
  });

  test('a prompt over the limit is refused with a warning and sends nothing; the page checks the same limit first', async () => {
    const panel = await openReadyPanel(chat);
    const turns = panel.conversation.turns.length;
    const posted: HostMessage[] = [];
    const subscription = panel.onDidPost((message) => posted.push(message));
    await panel.receive({ type: 'send', text: 'x'.repeat(MAX_PROMPT_CHARS + 1) });
    subscription.dispose();
    assert.deepEqual(posted, [], 'no request started');
    assert.equal(panel.conversation.turns.length, turns);
  });

  test('Stop ends a long reply as stopped, keeps what was shown, and the panel is ready again', async () => {
    const panel = await openReadyPanel(chat);
    const firstText = nextPosted(
      panel,
      (message) => message.type === 'updates' && message.updates.some((update) => update.type === 'textAppended'),
    );
    const finished = nextTurn(panel);
    const idle = nextPosted(panel, (message) => message.type === 'busy' && !message.busy);
    await panel.receive({ type: 'setOptions', options: { model: 'claude-sonnet-5-5', maxTokens: 120_000, systemPrompt: '' } });
    const sending = panel.receive({ type: 'send', text: 'Reply with 100000 tokens please.' });
    await firstText;
    await panel.receive({ type: 'stop' });
    const turn = await finished;
    await sending;
    await idle;
    assert.equal(turn.status, 'stopped');
    assert.ok(textOf(turn).length > 0, 'what was streamed stays');
    assert.ok(textOf(turn).split(' ').length < 100_000, 'the reply was cut short');
  });

  test('a message copies as Markdown, and the conversation exports to a Markdown document', async () => {
    const panel = await openReadyPanel(chat);
    const reply = panel.conversation.turns.find((turn) => turn.role === 'assistant');
    assert.ok(reply);
    await panel.receive({ type: 'copyTurn', turnId: reply.id });
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /Skillsmith emulator/);
    assert.match(copied, /```bash\nfind \/skills\//, 'tool calls are code blocks');

    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId !== 'markdown' || !document.isUntitled) return;
        subscription.dispose();
        resolve(document);
      });
    });
    await panel.receive({ type: 'exportMarkdown' });
    const document = await opened;
    const text = document.getText();
    assert.match(text, /^# Skill Test Chat\n/);
    assert.equal(text.match(/^## You$/gm)?.length, panel.conversation.turns.filter((turn) => turn.role === 'user').length);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an error in the middle of a stream ends the turn with its message and request id, keeping what was shown', async () => {
    const panel = await openReadyPanel(chat);
    emulator.admin.injectFault({ method: 'POST', path: '/v1/messages', stream: 'error' });
    const recorded = recordUpdates(panel);
    const finished = nextTurn(panel);
    await panel.receive({ type: 'send', text: 'Hello again.' });
    const turn = await finished;
    recorded.dispose();
    assert.equal(turn.status, 'error');
    assert.ok(turn.error?.message, 'the error says what happened');
    assert.ok(turn.error?.requestId, 'and names the request');
    assert.ok(textOf(turn).length > 0, 'the text streamed before the error stays');
    assert.ok(
      recorded.updates.some((update) => update.type === 'turnChanged' && update.changes.error?.message === turn.error?.message),
      'the page was told',
    );
  });

  test('messages that do not fit the protocol are ignored, and only http(s) links are opened', async () => {
    const panel = await openReadyPanel(chat);
    const before = panel.conversation.turns.length;
    const posted: HostMessage[] = [];
    const subscription = panel.onDidPost((message) => posted.push(message));
    await panel.receive({ type: 'run', command: 'skillsmith.auth.signOut' });
    await panel.receive({ type: 'send', text: 'hi', command: 'skillsmith.auth.signOut' });
    await panel.receive({ type: 'openLink', url: 'command:skillsmith.auth.signOut' });
    await panel.receive({ type: 'openLink', url: 'javascript:alert(1)' });
    subscription.dispose();
    assert.deepEqual(posted, []);
    assert.equal(panel.conversation.turns.length, before);
    assert.equal(await remote.auth.update(), 'signedIn', 'no command ran');
  });

  test('after a reload the serializer brings the panel back with its conversation, and it goes on in the same container', async () => {
    const panel = await openReadyPanel(chat);
    const state = { conversation: structuredClone(panel.conversation), settings: panel.chatSettings };
    const container = state.conversation.container?.id;
    assert.ok(container && state.conversation.turns.length > 0, 'the earlier tests left a conversation');
    panel.dispose();

    const reloaded = vscode.window.createWebviewPanel('skillsmith.chat', 'Skill Test Chat', vscode.ViewColumn.Active);
    const revived = chat.revive(reloaded, state);
    const init = await nextPosted(revived, (message): message is Extract<HostMessage, { type: 'init' }> => message.type === 'init');
    assert.equal(init.state.conversation.turns.length, state.conversation.turns.length);
    assert.deepEqual(init.state.settings, state.settings);

    const finished = nextTurn(revived);
    await revived.receive({ type: 'send', text: 'And once more.' });
    const turn = await finished;
    assert.equal(turn.status, 'done', turn.error?.message);
    assert.equal(turn.container?.id, container, 'the restored conversation reuses its container');
    assert.equal(revived.conversation.turns.length, state.conversation.turns.length + 2);
  });

  test('a saved state that does not fit is dropped: the panel starts empty', async () => {
    chat.panel()?.dispose();
    const reloaded = vscode.window.createWebviewPanel('skillsmith.chat', 'Skill Test Chat', vscode.ViewColumn.Active);
    const revived = chat.revive(reloaded, { conversation: { turns: [{ role: 'system', id: 1 }] }, settings: {} });
    const init = await nextPosted(revived, (message): message is Extract<HostMessage, { type: 'init' }> => message.type === 'init');
    assert.deepEqual(init.state.conversation, { turns: [], container: null });
    revived.dispose();
  });
});
