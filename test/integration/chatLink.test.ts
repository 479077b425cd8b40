import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ChatHandles } from '../../src/extension/chat/registerChat';
import type { PublishOutcome } from '../../src/extension/shared/publishOutcome';
import type { SkillChoice } from '../../src/shared/chat/protocol';
import { openPublishSession, skillMd, type PublishSession } from './support/publishSession';
import { activateSeams } from './support/seams';

suite('Test in Chat on a linked skill folder', () => {
  let session: PublishSession;
  let chat: ChatHandles;
  let folder: vscode.Uri;
  let first: Extract<PublishOutcome, { kind: 'published' }>;
  const questions: string[] = [];

  suiteSetup(async () => {
    session = await openPublishSession('chat-link-tests');
    chat = (await activateSeams()).chat;
    session.prompts.pickLink = () => Promise.resolve({ kind: 'new' });
    session.prompts.askDisplayName = (name) => Promise.resolve(name);
    session.prompts.preview = () => Promise.resolve(true);
    folder = session.skillFolder('chat-linked', { 'SKILL.md': skillMd('chat-linked') });
    const outcome = await vscode.commands.executeCommand<PublishOutcome>('skillsmith.publish.folder', folder);
    assert.ok(outcome.kind === 'published', JSON.stringify(outcome));
    first = outcome;
  });

  setup(() => {
    questions.length = 0;
    session.prompts.pickSkills = () => assert.fail('a linked folder is tested as its skill, without asking which');
  });

  teardown(() => {
    chat.panel()?.dispose();
  });

  suiteTeardown(async () => {
    await session.close();
  });

  /** The chip of the folder's linked skill in the open panel. */
  function chip(): SkillChoice | undefined {
    return chat.panel()?.chatSettings.skills.find((skill) => skill.skillId === first.skillId);
  }

  test('its SKILL.md starts the chat with the linked skill at the version published from here', async () => {
    session.prompts.askPublishFirst = (name) => assert.fail(`nothing changed, yet it asked about ${name}`);
    await vscode.commands.executeCommand('skillsmith.chat.testSkillMd', vscode.Uri.joinPath(folder, 'SKILL.md'));
    assert.equal(chip()?.version, first.version.ref);
    assert.equal(chip()?.type, 'custom');
  });

  test('after an edit it says the folder changed: the published version can be tested as it is', async () => {
    fs.appendFileSync(vscode.Uri.joinPath(folder, 'SKILL.md').fsPath, '\nAn edit after publishing.\n');
    const versions = session.emulator.admin.store.find(first.skillId).versions.length;
    session.prompts.askPublishFirst = (name, skill) => {
      questions.push(`${name} → ${skill}`);
      return Promise.resolve('published');
    };
    await vscode.commands.executeCommand('skillsmith.chat.testSkillMd', folder);
    assert.deepEqual(questions, [`chat-link-tests/chat-linked → ${session.publish.links.get(folder)?.title}`]);
    assert.equal(chip()?.version, first.version.ref, 'the version published from here');
    assert.equal(session.emulator.admin.store.find(first.skillId).versions.length, versions, 'nothing was published');
  });

  test('after an edit, publishing first tests the new version; cancelling tests nothing', async () => {
    session.prompts.askPublishFirst = () => Promise.resolve(undefined);
    await vscode.commands.executeCommand('skillsmith.chat.testSkillMd', folder);
    assert.equal(chat.panel(), undefined, 'no panel opens when the question is cancelled');

    session.prompts.askPublishFirst = () => Promise.resolve('publish');
    await vscode.commands.executeCommand('skillsmith.chat.testSkillMd', folder);
    const published = session.publish.links.get(folder)?.published;
    assert.ok(published && published.ref !== first.version.ref, 'a new version was published from the folder');
    assert.equal(chip()?.version, published.ref);
  });
});
