import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestSeams } from '../../src/extension/exports';
import type { AuthContext, AuthState } from '../../src/extension/services/api/authContext';
import { interactivePrompts } from '../../src/extension/ui/prompts';
import { activateSeams } from './support/seams';

/** A key the store holds in this test; plainly not a real one. */
const TEST_KEY = 'skillsmith-auth-test-key';

/** Resolves with the next state `auth` announces (subscribe before the change). */
function nextAnnounce(auth: AuthContext): Promise<AuthState> {
  return new Promise((resolve) => {
    const subscription = auth.onDidChange((state) => {
      subscription.dispose();
      resolve(state);
    });
  });
}

suite('Auth context', () => {
  let seams: TestSeams;
  /** The key store's own `get`, put back after each test (a test replaces it with one that throws). */
  let read: TestSeams['keys']['get'];
  const envKey = process.env.ANTHROPIC_API_KEY;
  const settings = () => vscode.workspace.getConfiguration('skillsmith');

  suiteSetup(async () => {
    seams = await activateSeams();
    read = seams.keys.get.bind(seams.keys);
    delete process.env.ANTHROPIC_API_KEY;
    await vscode.commands.executeCommand('skillsmith.auth.signOut');
    await seams.remoteSkills.auth.settled();
  });

  suiteTeardown(async () => {
    seams.keys.get = read;
    Object.assign(seams.prompts, interactivePrompts);
    await settings().update('api.workspaceId', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('skillsmith.auth.signOut');
    await seams.remoteSkills.auth.settled();
    if (envKey !== undefined) process.env.ANTHROPIC_API_KEY = envKey;
  });

  test('a key store that throws is said once, in words, as signed out; the next change announces and settles', async () => {
    const { keys, prompts } = seams;
    const { auth } = seams.remoteSkills;
    const told: string[] = [];
    prompts.offerSetKey = (message) => {
      told.push(message);
      return Promise.resolve(false);
    };
    const stored = nextAnnounce(auth);
    await keys.store(TEST_KEY);
    assert.equal(await stored, 'signedIn');
    keys.get = () => Promise.reject(new Error('The keychain is locked'));
    try {
      for (const workspaceId of ['wrkspc_auth_a', 'wrkspc_auth_b']) {
        const announced = nextAnnounce(auth);
        await settings().update('api.workspaceId', workspaceId, vscode.ConfigurationTarget.Global);
        assert.equal(await announced, 'signedOut', 'a key that cannot be read is no key to use');
        await auth.settled();
      }
    } finally {
      keys.get = read;
    }
    assert.equal(told.length, 1, 'two failures in a row are said once');
    assert.equal(
      told[0],
      'Skillsmith could not read the API key from the system keychain (VS Code\'s secret storage): The keychain is locked. Run "Skillsmith: Set API Key…" to set it again.',
    );
    assert.ok(!told[0].includes(TEST_KEY), 'never the key');

    const announced = nextAnnounce(auth);
    await settings().update('api.workspaceId', undefined, vscode.ConfigurationTarget.Global);
    assert.equal(await announced, 'signedIn', 'the store reads again: the change is announced');
    await auth.settled();
    assert.equal(auth.state, 'signedIn');
    assert.equal(await auth.update(), 'signedIn');

    keys.get = () => Promise.reject(new Error('The keychain is locked'));
    try {
      assert.equal(await auth.update(), 'signedOut');
    } finally {
      keys.get = read;
    }
    assert.equal(told.length, 2, 'a failure after a good read is said again');
  });

  test('a key the keychain cannot store is said, in words, and nothing is saved; a failed sign-out keeps the key', async () => {
    const { keys, prompts } = seams;
    const store = keys.store.bind(keys);
    const remove = keys.delete.bind(keys);
    await keys.store(TEST_KEY);
    const told: string[] = [];
    prompts.askApiKey = () => Promise.resolve(`${TEST_KEY}-new`);
    prompts.offerSetKey = (message) => {
      told.push(message);
      return Promise.resolve(false);
    };
    keys.store = () => Promise.reject(new Error('The keychain is locked'));
    keys.delete = () => Promise.reject(new Error('The keychain is locked'));
    try {
      await vscode.commands.executeCommand('skillsmith.auth.setKey');
      await vscode.commands.executeCommand('skillsmith.auth.signOut');
    } finally {
      keys.store = store;
      keys.delete = remove;
      Object.assign(prompts, interactivePrompts);
    }
    assert.deepEqual(told, [
      "Skillsmith could not save the API key in the system keychain (VS Code's secret storage): The keychain is locked. Nothing was saved. Unlock the keychain and set the key again, or set the ANTHROPIC_API_KEY environment variable.",
    ]);
    assert.equal((await keys.get())?.value, TEST_KEY, 'the stored key is the one before: nothing was saved, nothing removed');
  });
});
