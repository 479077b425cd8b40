import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { exportsFor, type TestSeams } from '../../src/extension/exports';
import { interactivePrompts, type Prompts } from '../../src/extension/ui/prompts';
import { TEST_LOG_ENV } from './support/fileReporter';
import { EXTENSION_ID, installedManifest } from './support/manifest';

suite('Activation', () => {
  test('the extension is installed in the host', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  test('it is already active because the workspace contains a SKILL.md', async () => {
    const skillFiles = await vscode.workspace.findFiles('**/SKILL.md', undefined, 1);
    assert.equal(skillFiles.length, 1, 'the fixture workspace should contain a SKILL.md');
    // Tests start only after eager (workspaceContains) activations have finished, so no wait is needed.
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  test('every command of the manifest is registered', async () => {
    const extension = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const declared = installedManifest().contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0, 'the manifest declares no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      declared.filter((id) => !registered.has(id)),
      [],
      'commands declared but not registered',
    );
  });

  test('activate() reports its own duration, which the run prints as a figure', async () => {
    const extension = vscode.extensions.getExtension<TestSeams>(EXTENSION_ID);
    assert.ok(extension);
    const { activationMs } = await extension.activate();
    assert.ok(Number.isFinite(activationMs) && activationMs > 0, `activationMs is ${activationMs}`);
    const logPath = process.env[TEST_LOG_ENV];
    if (logPath) fs.appendFileSync(logPath, `figure: activate() took ${activationMs.toFixed(1)} ms\n`);
  });

  test('the host runs the tests in Test mode, so activate hands out the test seams', async () => {
    const extension = vscode.extensions.getExtension<TestSeams | undefined>(EXTENSION_ID);
    const seams = await extension?.activate();
    assert.ok(seams?.remoteSkills.tree, 'the seams are exported in Test mode');
  });

  test('in Production and Development mode activate exports nothing, and the prompts commands ask are frozen', () => {
    for (const mode of [vscode.ExtensionMode.Production, vscode.ExtensionMode.Development]) {
      assert.equal(
        exportsFor(mode, () => assert.fail('the seams are not even built')),
        undefined,
        vscode.ExtensionMode[mode],
      );
    }
    const prompts: Prompts = interactivePrompts;
    assert.ok(Object.isFrozen(prompts));
    assert.throws(
      () => {
        prompts.confirm = () => Promise.resolve(true);
      },
      TypeError,
      'nobody can switch off a confirmation',
    );
  });

  test('one prompts object asks every question: the tree, publish, export and the chat ask through the seam tests answer', async () => {
    const seams = await vscode.extensions.getExtension<TestSeams>('skillsmith.skillsmith')?.activate();
    assert.ok(seams);
    // Each feature's questions are members of the one interactive object (frozen, so none can be switched off) ...
    const questions: readonly (keyof Prompts)[] = [
      'confirm',
      'pickVersion',
      'pickLink',
      'askAboutSecrets',
      'preview',
      'pickZipDestination',
      'pickSkills',
      'askPublishFirst',
    ];
    for (const question of questions) assert.equal(typeof interactivePrompts[question], 'function', question);
    // ... and the Test-mode copy the seams hand out is the one every feature asks: no feature keeps its own.
    assert.deepEqual(Object.keys(seams.prompts).sort(), Object.keys(interactivePrompts).sort());
    for (const handle of [seams.remoteSkills, seams.publish, seams.chat])
      assert.ok(!('prompts' in handle), 'no feature has prompts of its own');
  });
});
