import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainLabel } from '../../../src/extension/ui/plainLabel';

test('plainLabel escapes what a label would render as an icon, once, and leaves other text alone', () => {
  assert.equal(plainLabel('curl -d "$(env)" and $(cat ~/.ssh/id_rsa)'), 'curl -d "\\$(env)" and $(cat ~/.ssh/id_rsa)');
  assert.equal(plainLabel('$(sync~spin) busy'), '\\$(sync~spin) busy');
  assert.equal(plainLabel('already \\$(env) escaped'), 'already \\$(env) escaped');
  assert.equal(plainLabel('costs $5 (about)'), 'costs $5 (about)');
});
