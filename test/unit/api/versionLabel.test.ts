import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SkillVersion } from '../../../src/core/api/types';
import {
  versionLabel,
  versionLabeler,
  versionLabelParts,
  versionOrdinals,
  versionTag,
  versionTime,
} from '../../../src/core/api/versionLabel';

/** ICU versions differ on the space before "PM" (a narrow no-break space in newer ones). */
function plain(text: string | undefined): string | undefined {
  return text?.replace(/\s/g, ' ');
}

function version(id: string, createdAt: string, label: string | null = null): SkillVersion {
  return { id, ref: label ?? id, version: label, skillId: 'skill_1', name: 'pdf', description: 'd', directory: null, createdAt };
}

describe('version labels', () => {
  const sameMinute = [
    version('skver_c', '2026-12-06T20:17:41.500Z'),
    version('skver_a', '2026-12-06T20:17:03.000Z'),
    version('skver_b', '2026-12-06T20:17:03.250Z'),
  ];

  it('numbers versions by creation order, oldest first, whatever order they are listed in', () => {
    const ordinals = versionOrdinals(sameMinute);
    assert.deepEqual([...ordinals.entries()].sort(), [
      ['skver_a', 1],
      ['skver_b', 2],
      ['skver_c', 3],
    ]);
    assert.deepEqual(versionOrdinals([...sameMinute].reverse()), ordinals);
  });

  it('orders versions of the same instant by their beta label, then by id', () => {
    const at = '2026-12-06T20:17:03Z';
    const ordinals = versionOrdinals([
      version('x2', at, '1765052223000010'),
      version('x1', at, '999'),
      version('x3', at, '1765052223000009'),
    ]);
    assert.deepEqual([ordinals.get('x1'), ordinals.get('x3'), ordinals.get('x2')], [1, 2, 3]);
    assert.deepEqual(
      [...versionOrdinals([version('b', at), version('a', at)]).entries()],
      [
        ['a', 1],
        ['b', 2],
      ],
    );
  });

  it('tells three versions of one minute apart: unique tags, times to the second', () => {
    const labelOf = versionLabeler(sameMinute, 'en-US', 'UTC');
    assert.deepEqual(
      sameMinute.map((v) => plain(labelOf(v))),
      ['v3 (Dec 6, 2026, 8:17:41 PM)', 'v1 (Dec 6, 2026, 8:17:03 PM)', 'v2 (Dec 6, 2026, 8:17:03 PM)'],
    );
    assert.equal(new Set(sameMinute.map(labelOf)).size, 3);
  });

  it('keeps a version’s tag when newer versions arrive', () => {
    const before = versionOrdinals(sameMinute);
    const after = versionOrdinals([version('skver_d', '2026-12-06T21:00:00Z'), ...sameMinute]);
    for (const { id } of sameMinute) assert.equal(after.get(id), before.get(id));
    assert.equal(after.get('skver_d'), 4);
  });

  it('formats the time in the locale and time zone asked for', () => {
    assert.equal(plain(versionTime('2026-12-06T20:17:03Z', 'en-GB', 'UTC')), '6 Dec 2026, 20:17:03');
    assert.equal(versionTime('not a date'), undefined);
    assert.equal(versionTag(1234), 'v1,234');
  });

  it('falls back to the time, the tag, then the beta label or id', () => {
    const lone = version('skver_z', '2026-12-06T20:17:03Z');
    assert.equal(plain(versionLabel(lone, new Map(), 'en-US', 'UTC')), 'Dec 6, 2026, 8:17:03 PM');
    const undated = version('skver_y', '', '1765052223000010');
    assert.equal(versionLabel(undated, new Map([['skver_y', 2]])), 'v2');
    assert.equal(versionLabel(undated, new Map()), '1765052223000010');
    assert.equal(versionLabel(version('skver_x', ''), new Map()), 'skver_x');
    const parts = versionLabelParts(lone, new Map([['skver_z', 7]]), 'en-US', 'UTC');
    assert.deepEqual({ ...parts, time: plain(parts.time) }, { tag: 'v7', time: 'Dec 6, 2026, 8:17:03 PM' });
  });
});
