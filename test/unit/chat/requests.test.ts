import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRequest } from '../../../src/core/chat/requests';
import { safeFileName } from '../../../src/core/chat/serviceCalls';

describe('chat requests', () => {
  const base = { model: 'claude-sonnet-5-5', maxTokens: 1000, messages: [{ role: 'user' as const, content: 'hi' }] };

  it('builds the GA form: container.skills with versions (latest when none), the 2026 tool, no betas', () => {
    const request = buildRequest({
      ...base,
      form: 'ga',
      system: 'Be brief.',
      skills: [{ type: 'custom', skillId: 'skill_1', version: 'skver_2' }, { type: 'anthropic', skillId: 'xlsx' }],
      containerId: 'container_1',
    });
    assert.deepEqual(request, {
      model: 'claude-sonnet-5-5',
      max_tokens: 1000,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'hi' }],
      container: { id: 'container_1', skills: [{ type: 'custom', skill_id: 'skill_1', version: 'skver_2' }, { type: 'anthropic', skill_id: 'xlsx', version: 'latest' }] },
      tools: [{ type: 'code_execution_20260521', name: 'code_execution' }],
      stream: true,
    });
  });

  it('builds the beta form with its tool and betas, and leaves out what is empty', () => {
    const request = buildRequest({ ...base, form: 'beta', system: '  ', skills: [], containerId: null });
    assert.deepEqual(request, {
      model: 'claude-sonnet-5-5',
      max_tokens: 1000,
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'code_execution_20250825', name: 'code_execution' }],
      stream: true,
      betas: ['code-execution-2025-08-25', 'skills-2025-10-02'],
    });
  });

  it('makes a produced file name from the service safe to join to a folder', () => {
    assert.equal(safeFileName('report.xlsx', 'file_1'), 'report.xlsx');
    assert.equal(safeFileName('../../.ssh/authorized_keys', 'file_1'), 'authorized_keys');
    assert.equal(safeFileName('C:\\Windows\\evil.bat', 'file_1'), 'evil.bat');
    assert.equal(safeFileName('..', 'file_1'), 'file_1');
    assert.equal(safeFileName('  . ', 'file_1'), 'file_1');
    assert.equal(safeFileName('a\u0000b\u001b[31m?.txt', 'file_1'), 'a_b_[31m_.txt');
    assert.equal(safeFileName(null, 'file_1'), 'file_1');
    assert.equal(safeFileName(`${'x'.repeat(300)}.txt`, 'file_1').length, 255);
  });
});
