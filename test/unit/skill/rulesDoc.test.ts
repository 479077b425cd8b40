import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_DOCS_FILE, RULES } from '../../../src/core/skill/rules';

describe(RULE_DOCS_FILE, () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', '..', RULE_DOCS_FILE), 'utf8');
  const sections = doc.split(/^## /m).slice(1);

  it('has one section per rule, with the severities of rules.ts', () => {
    assert.deepEqual(sections.map((s) => s.split('\n')[0]).sort(), Object.keys(RULES).sort());
    for (const section of sections) {
      const id = section.split('\n')[0] as keyof typeof RULES;
      const { severity } = RULES[id];
      const row = `| ${[severity['claude-api'], severity.spec, severity['claude-code']].map((s) => (s === 'off' ? '*off*' : s)).join(' | ')} |`;
      assert.ok(section.includes(row), `${id}: expected ${row}`);
      assert.match(section, /Example:/, id);
      assert.match(section, /Fix:/, id);
    }
  });
});
