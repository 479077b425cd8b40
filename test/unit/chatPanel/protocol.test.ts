import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyChatUpdate } from '../../../src/core/chat/updates';
import {
  LABEL_KEYS,
  MAX_PROMPT_CHARS,
  oversizedPrompt,
  parseHostMessage,
  parsePanelState,
  parseWebviewMessage,
} from '../../../src/shared/chat/protocol';
import { newTurn, recordedRequests, reducing } from '../chat/turns';

/** The updates the reducer makes for the recorded pause_turn-and-file turn (text, tool calls, results, a file). */
function recordedUpdates() {
  const [paused, resumed] = recordedRequests('pause-and-file');
  const { reducer, updates, mirror } = reducing();
  reducer.beginRequest(false);
  for (const event of paused ?? []) reducer.apply(event);
  reducer.beginRequest(true);
  for (const event of resumed ?? []) reducer.apply(event);
  reducer.finish('done');
  return { updates, mirror };
}

const settings = {
  skills: [
    { type: 'custom', skillId: 'skill_1', title: 'Release notes', version: 'latest', versions: [{ ref: 'skver_1', label: 'Nov 1' }] },
  ],
  model: 'claude-sonnet-5-5',
  maxTokens: 4096,
  systemPrompt: '',
};

describe('chat protocol: messages from the webview', () => {
  it('accepts each message the page sends', () => {
    const messages = [
      { type: 'ready' },
      { type: 'send', text: 'hello' },
      { type: 'stop' },
      { type: 'newConversation' },
      { type: 'addSkills' },
      { type: 'removeSkill', skillId: 'skill_1' },
      { type: 'setSkillVersion', skillId: 'skill_1', version: 'skver_1' },
      { type: 'setOptions', options: { model: 'claude-opus-5-5', maxTokens: 1000, systemPrompt: 'Be brief.' } },
      { type: 'saveFile', fileId: 'file_1' },
      { type: 'copyTurn', turnId: 'a-1' },
      { type: 'exportMarkdown' },
      { type: 'setApiKey' },
      { type: 'openLink', url: 'https://example.com' },
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message);
  });

  it('refuses unknown types, extra fields, wrong types and out-of-range values', () => {
    const refused = [
      undefined,
      null,
      'send',
      { type: 'executeCommand', command: 'workbench.action.quit' },
      { type: 'send', text: 'hi', command: 'skillsmith.auth.signOut' },
      { type: 'send', text: '' },
      { type: 'send', text: 42 },
      { type: 'send', text: 'x'.repeat(200_001) },
      { type: 'removeSkill', skillId: '' },
      { type: 'setOptions', options: { model: 'm', maxTokens: 0, systemPrompt: '' } },
      { type: 'setOptions', options: { model: 'm', maxTokens: 1.5, systemPrompt: '' } },
      { type: 'setOptions', options: { model: 'm', maxTokens: 10, systemPrompt: '', apiKey: 'sk-...' } },
      { type: 'openLink', url: 'x'.repeat(8_001) },
    ];
    for (const message of refused) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
  });

  it('tells a prompt refused for its length alone from any other refused message, so the host can say why', () => {
    assert.equal(oversizedPrompt({ type: 'send', text: 'x'.repeat(MAX_PROMPT_CHARS + 1) }), MAX_PROMPT_CHARS + 1);
    for (const other of [
      { type: 'send', text: 'x'.repeat(MAX_PROMPT_CHARS) },
      { type: 'send', text: 42 },
      { type: 'openLink', url: 'x'.repeat(MAX_PROMPT_CHARS + 1) },
      null,
      'send',
    ]) {
      assert.equal(oversizedPrompt(other), undefined);
    }
  });
});

describe('chat protocol: messages from the host', () => {
  it('accepts every update the reducer makes for a recorded turn, and the page copy built from them matches', () => {
    const { updates, mirror } = recordedUpdates();
    assert.ok(updates.length > 10);
    const checked = parseHostMessage({ type: 'updates', updates });
    assert.ok(checked?.type === 'updates', 'the updates fit the protocol');
    assert.deepEqual(
      structuredClone(checked.updates).reduce(applyChatUpdate, { turns: [newTurn()], container: null }),
      mirror(),
      'nothing was dropped by the check',
    );
    const view = { turns: mirror().turns, container: null };
    const labels = Object.fromEntries(LABEL_KEYS.map((key) => [key, key]));
    const init = { type: 'init', state: { conversation: view, settings }, busy: false, models: ['claude-sonnet-5-5'], labels };
    assert.deepEqual(parseHostMessage(init), init);
  });

  it('refuses a message with a wrong field, and an init without every label', () => {
    assert.equal(parseHostMessage({ type: 'busy', busy: 'yes' }), undefined);
    assert.equal(
      parseHostMessage({ type: 'updates', updates: [{ type: 'textAppended', turnId: 'a', blockIndex: -1, text: 'x' }] }),
      undefined,
    );
    assert.equal(parseHostMessage({ type: 'updates', updates: [{ type: 'eval', code: 'alert(1)' }] }), undefined);
    const labels = Object.fromEntries(LABEL_KEYS.slice(1).map((key) => [key, key]));
    assert.equal(
      parseHostMessage({
        type: 'init',
        state: { conversation: { turns: [], container: null }, settings },
        busy: false,
        models: [],
        labels,
      }),
      undefined,
    );
  });

  it('checks a saved panel state before the serializer uses it', () => {
    const state = { conversation: { turns: [{ role: 'user', id: 'u-1', text: 'hi' }], container: null }, settings };
    assert.deepEqual(parsePanelState(state), state);
    const withView = { ...state, view: { systemPromptOpen: true } };
    assert.deepEqual(parsePanelState(withView), withView, 'the page keeps the system prompt open across a reload');
    assert.equal(parsePanelState({ ...state, view: { systemPromptOpen: 'yes' } }), undefined);
    assert.equal(parsePanelState({ conversation: { turns: [{ role: 'system', id: 'x' }], container: null }, settings }), undefined);
    assert.equal(parsePanelState({ conversation: state.conversation }), undefined);
    assert.equal(parsePanelState('{}'), undefined);
  });
});
