import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseSkill, normaliseVersion } from '../../../src/core/api';

describe('normaliseSkill', () => {
  it('reads the GA shape', () => {
    const skill = normaliseSkill({
      id: 'skill_01a',
      type: 'skill',
      display_name: 'My skill',
      latest_version_id: 'skver_01b',
      source: { type: 'anthropic_example' },
      created_at: '2025-10-01T00:00:00Z',
      updated_at: '2025-10-02T00:00:00Z',
    });
    assert.deepEqual(skill, {
      id: 'skill_01a',
      title: 'My skill',
      source: 'anthropic_example',
      latestVersion: 'skver_01b',
      createdAt: '2025-10-01T00:00:00Z',
      updatedAt: '2025-10-02T00:00:00Z',
    });
  });

  it('reads the beta shape, ignoring fields it does not know', () => {
    const skill = normaliseSkill({
      id: 'skill_01a',
      type: 'skill',
      display_title: null,
      latest_version: '1759178010641129',
      source: 'custom',
      created_at: '2024-10-30T23:58:27.427722Z',
      updated_at: '2024-10-30T23:58:27.427722Z',
      brand_new_field: { nested: [1, 2] },
    });
    assert.equal(skill?.title, null);
    assert.equal(skill?.source, 'custom');
    assert.equal(skill?.latestVersion, '1759178010641129');
  });

  it('gives null for junk and fills gaps in a partial skill', () => {
    for (const junk of [null, undefined, 42, 'skill', [], {}, { id: 7 }]) assert.equal(normaliseSkill(junk), null);
    assert.deepEqual(normaliseSkill({ id: 'skill_x', source: 5, display_name: 3 }), {
      id: 'skill_x',
      title: null,
      source: 'unknown',
      latestVersion: null,
      createdAt: '',
      updatedAt: '',
    });
  });
});

describe('normaliseVersion', () => {
  it('reads the GA shape: addressed by id', () => {
    const version = normaliseVersion({
      id: 'skver_01a',
      type: 'skill_version',
      skill_id: 'skill_01s',
      name: 'my-skill',
      description: 'Does things.',
      created_at: '2025-10-01T00:00:00Z',
    });
    assert.deepEqual(version, {
      id: 'skver_01a',
      ref: 'skver_01a',
      version: null,
      skillId: 'skill_01s',
      name: 'my-skill',
      description: 'Does things.',
      directory: null,
      createdAt: '2025-10-01T00:00:00Z',
    });
  });

  it('reads the beta shape: addressed by its version label', () => {
    const version = normaliseVersion({
      id: 'skillver_01a',
      type: 'skill_version',
      skill_id: 'skill_01s',
      name: 'my-skill',
      description: 'Does things.',
      directory: 'my-skill',
      version: '1759178010641129',
      created_at: '2024-10-30T23:58:27.427722Z',
    });
    assert.equal(version?.ref, '1759178010641129');
    assert.equal(version?.version, '1759178010641129');
    assert.equal(version?.directory, 'my-skill');
  });

  it('gives null for junk and takes the skill id from the caller when missing', () => {
    for (const junk of [null, 'x', [], { version: '1' }]) assert.equal(normaliseVersion(junk), null);
    assert.equal(normaliseVersion({ id: 'skver_1' }, 'skill_parent')?.skillId, 'skill_parent');
  });
});
