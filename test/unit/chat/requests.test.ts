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
      skills: [
        { type: 'custom', skillId: 'skill_1', version: 'skver_2' },
        { type: 'anthropic', skillId: 'xlsx' },
      ],
      containerId: 'container_1',
    });
    assert.deepEqual(request, {
      model: 'claude-sonnet-5-5',
      max_tokens: 1000,
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] }],
      container: {
        id: 'container_1',
        skills: [
          { type: 'custom', skill_id: 'skill_1', version: 'skver_2' },
          { type: 'anthropic', skill_id: 'xlsx', version: 'latest' },
        ],
      },
      tools: [{ type: 'code_execution_20260521', name: 'code_execution', cache_control: { type: 'ephemeral' } }],
      stream: true,
    });
  });

  it('builds the beta form with its tool and betas, and leaves out what is empty', () => {
    const request = buildRequest({ ...base, form: 'beta', system: '  ', skills: [], containerId: null });
    assert.deepEqual(request, {
      model: 'claude-sonnet-5-5',
      max_tokens: 1000,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] }],
      tools: [{ type: 'code_execution_20250825', name: 'code_execution', cache_control: { type: 'ephemeral' } }],
      stream: true,
      betas: ['code-execution-2025-08-25', 'skills-2025-10-02'],
    });
  });

  it('marks the last two user messages as ends of cached prefixes, on a copy, and no other', () => {
    const history = [
      { role: 'user' as const, content: 'zeroth' },
      { role: 'assistant' as const, content: [{ type: 'text', text: 'answer' }] },
      { role: 'user' as const, content: 'first' },
      { role: 'assistant' as const, content: [{ type: 'text', text: 'answer' }] },
      {
        role: 'user' as const,
        content: [
          { type: 'text', text: 'second' },
          { type: 'container_upload', file_id: 'file_1' },
        ],
      },
      { role: 'assistant' as const, content: [{ type: 'text', text: 'paused' }] },
    ];
    const kept = structuredClone(history);
    const request = buildRequest({ ...base, form: 'ga', skills: [], containerId: null, messages: history });
    assert.deepEqual(request.messages, [
      history[0],
      history[1],
      { role: 'user', content: [{ type: 'text', text: 'first', cache_control: { type: 'ephemeral' } }] },
      history[3],
      {
        role: 'user',
        content: [
          { type: 'text', text: 'second', cache_control: { type: 'ephemeral' } },
          { type: 'container_upload', file_id: 'file_1' },
        ],
      },
      history[5],
    ]);
    assert.deepEqual(history, kept, 'the history itself is not marked');
  });

  it('makes a produced file name from the service safe to join to a folder', () => {
    assert.equal(safeFileName('report.xlsx', 'file_1'), 'report.xlsx');
    assert.equal(safeFileName('../../.ssh/authorized_keys', 'file_1'), 'authorized_keys');
    assert.equal(safeFileName('C:\\Windows\\evil.bat', 'file_1'), 'evil.bat');
    assert.equal(safeFileName('..', 'file_1'), 'file_1');
    assert.equal(safeFileName('  . ', 'file_1'), 'file_1');
    assert.equal(safeFileName('a\u0000b\u001b[31m?.txt', 'file_1'), 'a_b_[31m_.txt');
    assert.equal(safeFileName(null, 'file_1'), 'file_1');
    assert.equal(safeFileName('', '../../x'), 'x', 'the id stands in for the name only made safe the same way');
    assert.equal(safeFileName('.', '.vscode/settings.json'), 'settings.json');
    assert.equal(safeFileName('..', '..'), 'file');
    assert.equal(safeFileName(`${'x'.repeat(300)}.txt`, 'file_1').length, 255);
  });
});
