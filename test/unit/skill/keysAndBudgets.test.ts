import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureBudgets } from '../../../src/core/skill/budgets';
import { FRONTMATTER_KEYS, keysForProfile } from '../../../src/core/skill/frontmatterKeys';

describe('frontmatter keys', () => {
  it('lists the API six in every profile and Claude Code keys only for claude-code', () => {
    const six = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'];
    assert.deepEqual(
      keysForProfile('claude-api').map((k) => k.key),
      six,
    );
    assert.deepEqual(
      keysForProfile('spec').map((k) => k.key),
      six,
    );
    const code = keysForProfile('claude-code').map((k) => k.key);
    for (const key of ['when_to_use', 'argument-hint', 'disable-model-invocation', 'context', 'shell', 'hooks', 'paths'])
      assert.ok(code.includes(key), key);
    assert.equal(code.length, FRONTMATTER_KEYS.length);
  });

  it('gives every key a summary, and finite values where they exist', () => {
    for (const info of FRONTMATTER_KEYS) assert.ok(info.summary.length > 20, info.key);
    assert.deepEqual(FRONTMATTER_KEYS.find((k) => k.key === 'shell')?.values, ['bash', 'powershell']);
    assert.equal(FRONTMATTER_KEYS.find((k) => k.key === 'name')?.limit, 64);
  });
});

describe('measureBudgets', () => {
  it('measures the description, body lines and estimated body tokens, with lines for code lenses', () => {
    const text = `---\nname: x\ndescription: ${'d'.repeat(100)}\n---\n${'abcd\n'.repeat(10)}`;
    assert.deepEqual(measureBudgets(text), {
      description: { used: 100, limit: 1024, line: 2 },
      bodyLines: { used: 10, limit: 500, line: 4 },
      bodyTokens: { used: 13, limit: 5000, line: 4 },
    });
  });

  it('measures a file without frontmatter as all body', () => {
    assert.deepEqual(measureBudgets('one\ntwo'), {
      description: { used: 0, limit: 1024 },
      bodyLines: { used: 2, limit: 500, line: 0 },
      bodyTokens: { used: 2, limit: 5000, line: 0 },
    });
  });
});
