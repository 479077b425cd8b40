import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startEmulator } from '../../../src/emulator';
import { openDataFolder } from '../../../src/emulator/persistence';
import { exampleFiles } from '../../../src/emulator/seed';
import { SkillStore } from '../../../src/emulator/store';
import { checkUpload } from '../../../src/emulator/upload';
import { sdkFor, uploadables } from './support';

const STATE = 'skills-emulator-state.json';
const LOG = 'skills-emulator-log.jsonl';

describe('emulator --data: a change costs what it changes', () => {
  const folders: string[] = [];
  const freshFolder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'skillsmith-emulator-log-'));
    folders.push(dir);
    return dir;
  };
  after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const upload = (name: string) => checkUpload(exampleFiles(name, `Skill ${name}. Use when testing.`));

  it('appends a one-file create to a log after a large fill, without rewriting the snapshot', async () => {
    const dataDir = freshFolder();
    const emulator = await startEmulator({ dataDir });
    let created;
    try {
      const fill = await fetch(`${emulator.url}/_emulator/fill`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ skills: 500, versionsPerSkill: 10 }),
      });
      assert.equal(fill.status, 200);
      const snapshot = statSync(join(dataDir, STATE));
      created = await sdkFor(emulator.url).skills.create({
        files: await uploadables(exampleFiles('one-file', 'One file. Use when testing.')),
      });
      const now = statSync(join(dataDir, STATE));
      assert.deepEqual([now.ino, now.mtimeMs, now.size], [snapshot.ino, snapshot.mtimeMs, snapshot.size], 'the snapshot was not rewritten');
      assert.ok(statSync(join(dataDir, LOG)).size < 2048, 'the log grew by about the change');
    } finally {
      await emulator.close();
    }
    const again = await startEmulator({ dataDir });
    try {
      const skills = await sdkFor(again.url).skills.list({ limit: 5 });
      assert.equal(skills.data[0]?.id, created.id, 'the logged create is there after a restart');
    } finally {
      await again.close();
    }
  });

  it('folds the log into the snapshot once it is as large, and loads the same state after', () => {
    const dataDir = freshFolder();
    const folder = openDataFolder(dataDir, 0);
    const store = new SkillStore({ skills: [] }, folder.save);
    store.replaceAll([]);
    const logSize = (): number => statSync(join(dataDir, LOG), { throwIfNoEntry: false })?.size ?? 0;
    const sizes: number[] = [];
    const check = (): void => {
      sizes.push(logSize());
      assert.ok(logSize() < statSync(join(dataDir, STATE)).size, 'the log never outgrows the snapshot');
    };
    const first = store.createSkill(upload('first-skill'), undefined);
    check();
    for (let i = 0; i < 5; i++) {
      store.addVersion(first, upload('first-skill'));
      check();
    }
    store.deleteVersion(first, 'latest');
    check();
    const second = store.createSkill(upload('second-skill'), 'Second');
    check();
    assert.ok(sizes.some((size) => size > 0) && sizes.includes(0), `some changes stayed in the log, some were folded: ${sizes.join(', ')}`);
    const reopened = openDataFolder(dataDir);
    assert.deepEqual(reopened.state, store.state);
    assert.equal(logSize(), 0, 'opening folds the log');
    assert.deepEqual(
      reopened.state?.skills.map((skill) => [skill.id, skill.versions.length]),
      [
        [first.id, 5],
        [second.id, 1],
      ],
    );
  });

  it('drops a torn last line and never replays a change the snapshot already holds', () => {
    const dataDir = freshFolder();
    const store = new SkillStore({ skills: [] }, openDataFolder(dataDir).save);
    store.replaceAll([]);
    const kept = store.createSkill(upload('kept-skill'), undefined);
    const log = readFileSync(join(dataDir, LOG), 'utf8');
    appendFileSync(join(dataDir, LOG), '{"seq":3,"type":"deleteSkill","skil');
    const folded = openDataFolder(dataDir);
    assert.deepEqual(
      folded.state?.skills.map((skill) => skill.id),
      [kept.id],
    );
    writeFileSync(join(dataDir, LOG), log);
    assert.deepEqual(
      openDataFolder(dataDir).state?.skills.map((skill) => skill.id),
      [kept.id],
      'the snapshot holds seq 2, so its line is skipped',
    );
  });

  it('refuses a log line that is not a change, saying what to do', async () => {
    const dataDir = freshFolder();
    const store = new SkillStore({ skills: [] }, openDataFolder(dataDir).save);
    store.replaceAll([]);
    writeFileSync(join(dataDir, LOG), '{"seq":5,"type":"dropTables"}\n');
    await assert.rejects(
      startEmulator({ dataDir }),
      /skills-emulator-log\.jsonl is not an emulator state file \(line 1 is not a change\); move it away/,
    );
  });
});
