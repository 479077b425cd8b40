import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerInfo, TurnReducer } from '../../../src/core/chat/reducer';
import type { TextBlock, ToolCallBlock } from '../../../src/core/chat/viewModel';
import { message, newTurn, recordedRequests, reducing, resultBlock, textBlock, toolUse } from './turns';
import { ONE_SKILL_REPLY_BLOCKS } from '../../support/scriptedReply';

describe('TurnReducer', () => {
  it('streams text into one block, appending every delta, and keeps the stop reason and usage', () => {
    const { reducer, turn, updates, mirror } = reducing();
    reducer.beginRequest(false);
    for (const event of message(textBlock(0, 'Hel', 'lo, ', '**world**'))) reducer.apply(event);
    reducer.finish('done');
    assert.deepEqual(turn.blocks, [{ type: 'text', text: 'Hello, **world**' }]);
    assert.equal(turn.stopReason, 'end_turn');
    assert.equal(turn.status, 'done');
    assert.deepEqual(turn.usage, { inputTokens: 10, outputTokens: 20, cacheReadTokens: 3, cacheCreationTokens: 4 });
    assert.deepEqual(
      updates.filter((update) => update.type === 'textAppended').map((update) => update.type === 'textAppended' && update.text),
      ['Hel', 'lo, ', '**world**'],
    );
    assert.deepEqual(mirror().turns[0], turn);
    assert.equal(reducer.complete, true);
  });

  it('with nobody listening builds no updates, and the turn comes out the same', () => {
    const { reducer, turn } = reducing();
    const quiet = new TurnReducer(
      newTurn(),
      () => assert.fail('an update was emitted while nobody listened'),
      () => false,
    );
    for (const each of [reducer, quiet]) {
      each.beginRequest(false);
      for (const event of message([...textBlock(0, 'Hi'), ...toolUse(1, 'srvtoolu_1', 'bash_code_execution', '{"command": "ls"}')]))
        each.apply(event);
      each.finish('done');
    }
    assert.deepEqual(quiet.turn, turn);
    assert.deepEqual(quiet.assistantContent, reducer.assistantContent);
  });

  it('shows tool input as it streams and parses it once, when the block stops', () => {
    const { reducer, turn, updates } = reducing();
    reducer.beginRequest(false);
    const events = message(toolUse(0, 'srvtoolu_1', 'bash_code_execution', '{"comm', 'and": "ls -la', ' /skills/x/"}'));
    for (const event of events.slice(0, 4)) reducer.apply(event);
    const streaming = turn.blocks[0] as ToolCallBlock;
    assert.equal(streaming.inputJson, '{"comm' + 'and": "ls -la');
    assert.equal(streaming.inputDone, false);
    assert.equal(streaming.input, null);
    for (const event of events.slice(4)) reducer.apply(event);
    const done = turn.blocks[0] as ToolCallBlock;
    assert.equal(done.inputDone, true);
    assert.deepEqual(done.input, { command: 'ls -la /skills/x/' });
    assert.equal(done.kind, 'bash');
    assert.equal(updates.filter((update) => update.type === 'toolInputAppended').length, 3);
  });

  it('names text editor calls by their command once the input is complete', () => {
    const { reducer, turn } = reducing();
    reducer.beginRequest(false);
    const events = message([
      ...toolUse(0, 't1', 'text_editor_code_execution', '{"command":"view","path":"/skills/x/SKILL.md"}'),
      ...toolUse(1, 't2', 'text_editor_code_execution', '{"command":"str_replace","path":"a.py","old_str":"a","new_str":"b"}'),
      ...toolUse(2, 't3', 'code_execution', '{"code":"print(1)"}'),
      ...toolUse(3, 't4', 'web_fetch', '{}'),
    ]);
    for (const event of events) reducer.apply(event);
    assert.deepEqual(
      turn.blocks.map((block) => block.type === 'tool' && block.kind),
      ['view', 'str_replace', 'code', 'other'],
    );
  });

  it('attaches results to their calls: stdout, stderr, return code, produced files, editor results, errors', () => {
    const { reducer, turn, mirror } = reducing();
    reducer.beginRequest(false);
    const events = message([
      ...toolUse(0, 'b1', 'bash_code_execution', '{"command":"python make.py"}'),
      ...resultBlock(1, {
        type: 'bash_code_execution_tool_result',
        tool_use_id: 'b1',
        content: {
          type: 'bash_code_execution_result',
          stdout: 'made\n',
          stderr: 'warning: x\n',
          return_code: 3,
          content: [
            { type: 'bash_code_execution_output', file_id: 'file_a' },
            { type: 'bash_code_execution_output', file_id: 'file_b' },
          ],
        },
      }),
      ...toolUse(2, 'e1', 'text_editor_code_execution', '{"command":"view","path":"/x"}'),
      ...resultBlock(3, {
        type: 'text_editor_code_execution_tool_result',
        tool_use_id: 'e1',
        content: { type: 'text_editor_code_execution_view_result', content: 'line 1\nline 2', file_type: 'text' },
      }),
      ...toolUse(4, 'e2', 'text_editor_code_execution', '{"command":"create","path":"/y","file_text":"z"}'),
      ...resultBlock(5, {
        type: 'text_editor_code_execution_tool_result',
        tool_use_id: 'e2',
        content: { type: 'text_editor_code_execution_create_result', is_file_update: true },
      }),
      ...toolUse(6, 'e3', 'text_editor_code_execution', '{"command":"str_replace","path":"/y","old_str":"z","new_str":"w"}'),
      ...resultBlock(7, {
        type: 'text_editor_code_execution_tool_result',
        tool_use_id: 'e3',
        content: { type: 'text_editor_code_execution_str_replace_result', lines: ['w', 'v'], new_start: 1 },
      }),
      ...toolUse(8, 'b2', 'bash_code_execution', '{"command":"sleep 999"}'),
      ...resultBlock(9, {
        type: 'bash_code_execution_tool_result',
        tool_use_id: 'b2',
        content: { type: 'bash_code_execution_tool_result_error', error_code: 'execution_time_exceeded' },
      }),
      ...toolUse(10, 'e4', 'text_editor_code_execution', '{"command":"view","path":"/nope"}'),
      ...resultBlock(11, {
        type: 'text_editor_code_execution_tool_result',
        tool_use_id: 'e4',
        content: { type: 'text_editor_code_execution_tool_result_error', error_code: 'file_not_found', error_message: 'No such file' },
      }),
      ...resultBlock(12, {
        type: 'bash_code_execution_tool_result',
        tool_use_id: 'b1',
        content: {
          type: 'bash_code_execution_result',
          stdout: '',
          stderr: '',
          return_code: 0,
          content: [{ type: 'bash_code_execution_output', file_id: 'file_a' }],
        },
      }),
      ...resultBlock(13, { type: 'container_upload', file_id: 'file_up' }),
    ]);
    for (const event of events) reducer.apply(event);
    const results = turn.blocks.flatMap((block) => (block.type === 'tool' ? [block.result] : []));
    assert.deepEqual(results, [
      { kind: 'bash', stdout: '', stderr: '', returnCode: 0, files: [{ fileId: 'file_a' }] },
      { kind: 'editor', content: 'line 1\nline 2', isFileUpdate: null },
      { kind: 'editor', content: null, isFileUpdate: true },
      { kind: 'editor', content: 'w\nv', isFileUpdate: null },
      { kind: 'error', errorCode: 'execution_time_exceeded' },
      { kind: 'error', errorCode: 'file_not_found: No such file' },
    ]);
    assert.deepEqual(turn.files, [{ fileId: 'file_a' }, { fileId: 'file_b' }], 'each file once, in order of appearance');
    assert.deepEqual(turn.blocks.at(-1), { type: 'container_upload', fileId: 'file_up' });
    assert.deepEqual(mirror().turns[0], turn);
  });

  it('keeps the container with its expiry and resolved skills', () => {
    const { reducer, turn } = reducing();
    reducer.beginRequest(false);
    const container = {
      id: 'container_1',
      expires_at: '2027-01-01T00:00:00Z',
      skills: [{ type: 'custom', skill_id: 'skill_1', version: 'skver_9' }],
    };
    for (const event of message(textBlock(0, 'hi'), 'end_turn', { container })) reducer.apply(event);
    assert.deepEqual(turn.container, {
      id: 'container_1',
      expiresAt: '2027-01-01T00:00:00Z',
      skills: [{ type: 'custom', skillId: 'skill_1', version: 'skver_9' }],
    });
    assert.deepEqual(containerInfo({ id: 'c' }), { id: 'c', expiresAt: null, skills: [] });
  });

  it('continues a recorded pause_turn in the same turn: blocks append, usage sums, the content to send back grows', () => {
    const [paused, resumed] = recordedRequests('pause-and-file');
    const { reducer, turn, mirror } = reducing();
    reducer.beginRequest(false);
    for (const event of paused ?? []) reducer.apply(event);
    assert.equal(turn.stopReason, 'pause_turn');
    const firstBlocks = turn.blocks.length;
    const firstContent = reducer.assistantContent.length;
    const firstUsage = { ...turn.usage };
    assert.deepEqual(
      reducer.assistantContent.map((block) => block.type),
      ONE_SKILL_REPLY_BLOCKS,
    );
    assert.match(String(reducer.assistantContent.at(-1)?.['text']), /\[pause_turn 1 of 1\]/);
    reducer.beginRequest(true);
    for (const event of resumed ?? []) reducer.apply(event);
    reducer.finish('done');
    assert.equal(turn.continuations, 1);
    assert.equal(turn.stopReason, 'end_turn');
    assert.ok(turn.blocks.length > firstBlocks);
    assert.ok(reducer.assistantContent.length > firstContent);
    assert.equal(turn.usage.outputTokens > firstUsage.outputTokens, true);
    const inputOf = (events: typeof paused): number =>
      events?.[0]?.type === 'message_start' ? Number(events[0].message.usage?.input_tokens) : Number.NaN;
    assert.equal(turn.usage.inputTokens, inputOf(paused) + inputOf(resumed), 'input tokens summed over both requests');
    const listing = turn.blocks.find((block): block is ToolCallBlock => block.type === 'tool' && block.kind === 'bash');
    assert.deepEqual(listing?.input, { command: 'find /skills/csv-cleaner/ -type f | sort' });
    assert.equal(listing?.result?.kind === 'bash' && listing.result.stdout.includes('/skills/csv-cleaner/scripts/clean.py'), true);
    assert.equal(turn.files.length, 1);
    assert.ok(turn.files[0]?.fileId.startsWith('file_'));
    assert.deepEqual(mirror().turns[0], turn);
  });

  it('keeps what was shown when the stream fails halfway, and completes a tool call cut off mid-input', () => {
    const { reducer, turn, mirror } = reducing();
    reducer.beginRequest(false);
    const events = message([
      ...textBlock(0, 'Looking at ', 'the files'),
      ...toolUse(1, 'b1', 'bash_code_execution', '{"command": "ls', ' /sk'),
    ]);
    const cut = events.slice(0, events.length - 3);
    for (const event of cut) reducer.apply(event);
    assert.equal(reducer.complete, false);
    assert.equal(reducer.started, true);
    reducer.finish('error', { message: 'The connection broke off.', requestId: 'req_1', kind: 'offline' });
    assert.equal(turn.status, 'error');
    assert.deepEqual(turn.error, { message: 'The connection broke off.', requestId: 'req_1', kind: 'offline' });
    assert.equal((turn.blocks[0] as TextBlock).text, 'Looking at the files');
    const tool = turn.blocks[1] as ToolCallBlock;
    assert.equal(tool.inputJson, '{"command": "ls /sk');
    assert.equal(tool.inputDone, true);
    assert.equal(tool.input, null, 'half a JSON object is not an input');
    assert.deepEqual(reducer.assistantContent, [{ type: 'text', text: 'Looking at the files' }], 'only complete blocks can be sent back');
    assert.deepEqual(mirror().turns[0], turn);
  });

  it('ends stopped without an error, keeping the text', () => {
    const { reducer, turn } = reducing();
    reducer.beginRequest(false);
    for (const event of message(textBlock(0, 'partial')).slice(0, 3)) reducer.apply(event);
    reducer.finish('stopped');
    assert.equal(turn.status, 'stopped');
    assert.equal(turn.error, null);
    assert.deepEqual(turn.blocks, [{ type: 'text', text: 'partial' }]);
  });

  it('keeps blocks it does not show (thinking) for sending back, with their deltas', () => {
    const { reducer, turn } = reducing();
    reducer.beginRequest(false);
    for (const event of message([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
      { type: 'content_block_stop', index: 0 },
      ...textBlock(1, 'ok'),
    ]))
      reducer.apply(event);
    assert.deepEqual(turn.blocks, [{ type: 'text', text: 'ok' }]);
    assert.deepEqual(reducer.assistantContent, [
      { type: 'thinking', thinking: 'hmm', signature: 'sig' },
      { type: 'text', text: 'ok' },
    ]);
  });
});
