import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssistantTurn } from '../../../src/core/chat/viewModel';
import { bashListing } from '../chat/turns';
import { fenced, transcriptMarkdown, type TranscriptWords } from '../../../src/extension/chat/transcriptMarkdown';

const words: TranscriptWords = {
  you: 'You',
  claude: 'Claude',
  input: 'input',
  output: 'Output',
  errors: 'Errors',
  returnCode: 'Return code',
  toolError: 'Tool error',
  file: 'File',
  tokens: 'Tokens in / out',
  cache: 'Cache read / written',
  container: 'Container',
  stopReason: 'Stop reason',
  error: 'Error',
};

const reply: AssistantTurn = {
  role: 'assistant',
  id: 'a-1',
  model: 'claude-sonnet-5-5',
  status: 'done',
  continuations: 0,
  stopReason: 'end_turn',
  usage: { inputTokens: 2, outputTokens: 34, cacheReadTokens: 6, cacheCreationTokens: 4 },
  container: { id: 'container_1', expiresAt: null, skills: [] },
  files: [{ fileId: 'file_1', filename: 'report.md' }],
  error: null,
  blocks: [{ type: 'text', text: 'Here is the listing:' }, bashListing('a.md\n```\n')],
};

describe('transcript Markdown', () => {
  it('fences code with more backticks than it holds', () => {
    assert.equal(fenced('plain'), '```\nplain\n```');
    assert.equal(fenced('has ``` inside\n', 'md'), '````md\nhas ``` inside\n````');
  });

  it('writes turns, tool calls with their output, files and figures', () => {
    const markdown = transcriptMarkdown(
      { turns: [{ role: 'user', id: 'u-1', text: 'List files' }, reply], container: null },
      'Skill Test Chat',
      words,
    );
    assert.equal(
      markdown,
      [
        '# Skill Test Chat',
        '## You\n\nList files',
        '## Claude (claude-sonnet-5-5)\n\nHere is the listing:',
        '**bash_code_execution** (input)\n\n```bash\nls\n```\n\nOutput:\n\n````\na.md\n```\n````\n\nReturn code: 0',
        'File: `report.md` (`file_1`)',
        '_Tokens in / out: 12 / 34 · Cache read / written: 6 / 4 · Container: `container_1` · Stop reason: `end_turn`_',
      ].join('\n\n') + '\n',
    );
  });
});
