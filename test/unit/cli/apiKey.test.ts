import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiKeyFrom, noKeyText } from '../../../src/cli/apiKey';
import { noKeyError } from '../../../src/core/api/errors';

describe('the API key of the CLI', () => {
  it('is read from ANTHROPIC_API_KEY, trimmed; blank is no key', () => {
    assert.equal(apiKeyFrom({ ANTHROPIC_API_KEY: ' sk-test \n' }), 'sk-test');
    assert.equal(apiKeyFrom({ ANTHROPIC_API_KEY: '  ' }), undefined);
    assert.equal(apiKeyFrom({}), undefined);
  });

  it("says a key is missing in the core's words, then how to set one here", () => {
    assert.equal(
      noKeyText('publish'),
      `skillsmith publish: ${noKeyError().message} Set ANTHROPIC_API_KEY to your key (the key is read from the environment only).\n`,
    );
  });
});
