import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SkillsApiError } from '../../../src/core/api/errors';
import { createChatSession } from '../../../src/core/chat/createChatSession';
import { defaultModel } from '../../../src/core/chat/defaultModel';
import { newAssistantTurn } from '../../../src/core/chat/reducer';
import type { ChatSession, ChatSessionOptions } from '../../../src/core/chat/session';
import { applyChatUpdate, type ChatUpdate } from '../../../src/core/chat/updates';
import type { AssistantTurn, ChosenSkill, ToolCallBlock } from '../../../src/core/chat/viewModel';
import { startEmulator, type SeenRequest } from '../../../src/emulator';
import { emulatorForSuite, sdkFor } from '../emulator/support';

const MODEL = 'claude-sonnet-5-5';

/** Every input token of a turn: read from the cache, written to it, or neither. */
const allInput = (turn: AssistantTurn): number => turn.usage.inputTokens + turn.usage.cacheReadTokens + turn.usage.cacheCreationTokens;

describe('ChatSession through the SDK against the emulator', () => {
  const env = emulatorForSuite({ seed: true });

  /** The seeded custom skill with this frontmatter name. */
  const customSkill = (name: string): ChosenSkill => {
    const skill = env.emulator.admin.store.list('custom').find((candidate) => candidate.name === name);
    assert.ok(skill, name);
    return { type: 'custom', skillId: skill.id };
  };

  const session = (options: Partial<ChatSessionOptions> = {}): ChatSession =>
    createChatSession(env.sdk, { model: MODEL, maxTokens: 4096, skills: [customSkill('csv-cleaner')], ...options });

  /** The Messages requests the emulator sees while `run` runs. */
  const messagesRequests = async (run: () => Promise<unknown>): Promise<SeenRequest[]> => {
    const seen: SeenRequest[] = [];
    const stop = env.emulator.admin.onRequest((request) => {
      if (request.path === '/v1/messages') seen.push(request);
    });
    try {
      await run();
    } finally {
      stop();
    }
    return seen;
  };

  it('streams an answer in the GA form: no beta header, the skills read and listed, resolved versions shown', async () => {
    const chat = session({ skills: [customSkill('csv-cleaner'), { type: 'anthropic', skillId: 'xlsx' }] });
    let turn: AssistantTurn | undefined;
    const seen = await messagesRequests(async () => {
      turn = await chat.send('What can you do with csv-cleaner and xlsx?');
    });
    assert.ok(turn);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.headers['anthropic-beta'], undefined);
    assert.equal(turn.status, 'done');
    assert.equal(turn.stopReason, 'end_turn');
    const text = turn.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    assert.match(text, /Skillsmith emulator/);
    assert.match(text, /> What can you do with csv-cleaner and xlsx\?/);
    const tools = turn.blocks.filter((block): block is ToolCallBlock => block.type === 'tool');
    assert.deepEqual(
      tools.map((tool) => `${tool.kind} ${String(tool.input?.['path'] ?? tool.input?.['command'])}`),
      [
        'view /skills/csv-cleaner/SKILL.md',
        'bash find /skills/csv-cleaner/ -type f | sort',
        'view /skills/xlsx/SKILL.md',
        'bash find /skills/xlsx/ -type f | sort',
      ],
    );
    const listing = tools[1]?.result;
    assert.equal(listing?.kind, 'bash');
    assert.equal(
      listing?.kind === 'bash' && listing.stdout,
      '/skills/csv-cleaner/SKILL.md\n/skills/csv-cleaner/assets/sample.bin\n/skills/csv-cleaner/scripts/clean.py\n',
    );
    assert.ok(turn.container?.id.startsWith('container_'));
    assert.match(turn.container?.skills[0]?.version ?? '', /^skver_/, 'latest resolved to a version id');
    assert.equal(turn.container?.skills[1]?.skillId, 'xlsx');
    assert.ok(turn.usage.outputTokens > 0 && turn.usage.cacheCreationTokens > 0, 'the prompt is written to the cache');
    assert.equal(chat.viewModel.container?.id, turn.container?.id);
    assert.equal(chat.busy, false);
  });

  it('speaks the beta form when asked: the betas sent, the beta endpoint, versions named by their labels', async () => {
    const chat = session({ apiForm: 'beta' });
    let turn: AssistantTurn | undefined;
    const seen = await messagesRequests(async () => {
      turn = await chat.send('hello');
    });
    assert.ok(turn);
    assert.equal(turn.status, 'done');
    assert.deepEqual(String(seen[0]?.headers['anthropic-beta']).split(',').sort(), ['code-execution-2025-08-25', 'skills-2025-10-02']);
    assert.match(turn.container?.skills[0]?.version ?? '', /^\d+$/);
  });

  it('reuses the container in later turns, sends the history, and starts over after reset', async () => {
    const chat = session();
    const first = await chat.send('first');
    const second = await chat.send('second');
    assert.equal(second.container?.id, first.container?.id);
    assert.equal(second.usage.cacheReadTokens, first.usage.cacheCreationTokens, 'the second turn reads what the first wrote');
    assert.ok(second.usage.cacheCreationTokens > 0, 'and writes its own exchange');
    assert.ok(allInput(second) > allInput(first), 'the history is sent along');
    assert.equal(chat.viewModel.turns.length, 4);
    const updates: ChatUpdate[] = [];
    chat.onUpdate((update) => updates.push(update));
    chat.reset();
    assert.deepEqual(updates, [{ type: 'snapshot', viewModel: { turns: [], container: null } }]);
    const fresh = await chat.send('third');
    assert.notEqual(fresh.container?.id, first.container?.id);
    assert.equal(allInput(fresh) < allInput(second), true, 'no history after reset');
  });

  it('continues after pause_turn by itself, in the same container, up to the limit', async () => {
    const chat = session();
    let turn: AssistantTurn | undefined;
    const seen = await messagesRequests(async () => {
      turn = await chat.send('Work through it, pause x2');
    });
    assert.ok(turn);
    assert.equal(seen.length, 3);
    assert.equal(turn.continuations, 2);
    assert.equal(turn.status, 'done');
    assert.equal(turn.stopReason, 'end_turn');
    assert.equal(chat.viewModel.turns.length, 2, 'one user turn and one assistant turn, however many requests');
    const text = turn.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    assert.match(text, /Continuing after pause_turn 2 in the same container \(`container_/);
    assert.ok(text.includes(`\`${turn.container?.id}\``));

    const limited = session({ maxContinuations: 1 });
    const paused = await limited.send('pause x3');
    assert.equal(paused.continuations, 1);
    assert.equal(paused.stopReason, 'pause_turn');
    assert.equal(paused.status, 'done');
  });

  it('stops cleanly mid-stream, keeping what was shown, and can send again', async () => {
    const chat = session({ skills: [], maxTokens: 60_000 });
    let deltas = 0;
    chat.onUpdate((update) => {
      if (update.type === 'textAppended' && ++deltas === 50) chat.stop();
    });
    const turn = await chat.send('Reply with 50000 tokens.');
    assert.equal(turn.status, 'stopped');
    assert.equal(turn.error, null);
    const text = turn.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    assert.ok(text.length > 0, 'what arrived stays');
    assert.ok(text.split(' ').length < 50_000, 'the rest never arrived');
    assert.equal(chat.busy, false);
    deltas = -1_000_000;
    const next = await chat.send('hello again');
    assert.equal(next.status, 'done');

    const controller = new AbortController();
    controller.abort();
    const aborted = await chat.send('never sent', { signal: controller.signal });
    assert.equal(aborted.status, 'stopped');
  });

  it('leaves the new conversation alone when "New conversation" comes while a turn streams', async () => {
    const chat = session();
    const unsubscribe = chat.onUpdate((update) => {
      if (update.type === 'turnChanged' && update.changes.container) {
        unsubscribe();
        chat.reset();
      }
    });
    const turn = await chat.send('hello');
    assert.equal(turn.status, 'stopped');
    assert.deepEqual(chat.viewModel, { turns: [], container: null });
    const next = await chat.send('fresh start');
    assert.notEqual(next.container?.id, turn.container?.id, 'the old container is not reused');
    assert.ok(allInput(next) < allInput(turn) + 20, 'no history from before the reset');
  });

  it('refuses a second send while one streams, and a blank message', async () => {
    const chat = session();
    const streaming = chat.send('one');
    await assert.rejects(chat.send('two'), /still streaming/);
    assert.throws(() => chat.configure({ model: 'claude-opus-5-5' }), /after the reply has finished/);
    await streaming;
    await assert.rejects(chat.send('   '), /empty/);
    chat.configure({ model: 'claude-opus-5-5' });
    assert.equal((await chat.send('three')).model, 'claude-opus-5-5');
  });

  for (const [status, kind, pattern] of [
    [429, 'rate-limited', /Rate limited by the Claude API \(429\)\. Try again in 2 s/],
    [529, 'overloaded', /overloaded \(529\)/],
    [500, 'server', /server error \(500\)/],
  ] as const) {
    it(`ends the turn with a clear error on ${status}, keeping the conversation`, async () => {
      const chat = session();
      await chat.send('before');
      env.emulator.admin.injectFault({ path: '/v1/messages', status, retryAfterSeconds: 2 });
      const turn = await chat.send('during');
      assert.equal(turn.status, 'error');
      assert.equal(turn.error?.kind, kind);
      assert.match(turn.error?.message ?? '', pattern);
      assert.match(turn.error?.requestId ?? '', /^req_/);
      assert.equal(chat.viewModel.turns.length, 4);
      const after = await chat.send('after');
      assert.equal(after.status, 'done');
      assert.equal(after.container?.id, chat.viewModel.turns[1]?.role === 'assistant' ? chat.viewModel.turns[1].container?.id : undefined);
    });
  }

  it('says the key was rejected on 401', async () => {
    const guarded = await startEmulator({ apiKey: 'the-right-key' });
    try {
      const chat = createChatSession(sdkFor(guarded.url, { apiKey: 'a-wrong-key' }), { model: MODEL, maxTokens: 100, skills: [] });
      const turn = await chat.send('hi');
      assert.equal(turn.status, 'error');
      assert.equal(turn.error?.kind, 'auth');
      assert.match(turn.error?.message ?? '', /API key was rejected \(401\)/);
    } finally {
      await guarded.close();
    }
  });

  it('ends with the request id when the service sends an error event mid-stream, keeping the text', async () => {
    const chat = session();
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'error' });
    const turn = await chat.send('hello');
    assert.equal(turn.status, 'error');
    assert.equal(turn.error?.kind, 'overloaded');
    assert.match(
      turn.error?.message ?? '',
      /error in the middle of the answer \(overloaded_error\): Overloaded\. What arrived so far is kept/,
    );
    assert.match(turn.error?.requestId ?? '', /^req_/);
    assert.ok(turn.blocks.length > 0);
    assert.match(turn.blocks[0]?.type === 'text' ? turn.blocks[0].text : '', /Skillsmith emulator/);
  });

  it('names the files a turn produced before it failed', async () => {
    const chat = session({ skills: [] });
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'cut' });
    const turn = await chat.send('Please create a report file and then write 3000 tokens.');
    assert.equal(turn.status, 'error');
    assert.equal(turn.files.length, 1, 'the file came before the cut');
    assert.equal(turn.files[0]?.filename, 'emulator-report.md');
  });

  it('ends with an error when the connection is cut halfway, keeping the text', async () => {
    const chat = session({ skills: [] });
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'cut' });
    const turn = await chat.send('Reply with 40000 tokens.');
    assert.equal(turn.status, 'error');
    assert.equal(turn.error?.kind, 'offline');
    assert.match(turn.error?.message ?? '', /(broke off in the middle|closed before the answer was complete)/);
    const text = turn.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    assert.ok(text.length > 1000);
    assert.equal((await chat.send('again')).status, 'done', 'the broken exchange did not poison the history');
  });

  it('shows what the service refuses: an unknown skill or version, more than 8 skills', async () => {
    const unknown = await session({ skills: [{ type: 'custom', skillId: 'skill_does_not_exist' }] }).send('hi');
    assert.equal(unknown.error?.kind, 'not-found');
    assert.match(unknown.error?.message ?? '', /skill_does_not_exist/);
    const badVersion = await session({ skills: [{ ...customSkill('csv-cleaner'), version: '123' }] }).send('hi');
    assert.equal(badVersion.error?.kind, 'not-found');
    assert.match(badVersion.error?.message ?? '', /Version 123/);
    const names = ['csv-cleaner', 'brand-voice', 'release-notes'];
    const nine = [
      ...names.map(customSkill),
      ...['xlsx', 'pptx', 'docx', 'pdf'].map((skillId): ChosenSkill => ({ type: 'anthropic', skillId })),
      { type: 'anthropic' as const, skillId: 'a' },
      { type: 'anthropic' as const, skillId: 'b' },
    ];
    const tooMany = await session({ skills: nine }).send('hi');
    assert.equal(tooMany.error?.kind, 'bad-request');
    assert.match(tooMany.error?.message ?? '', /at most 8 skills/);
  });

  it('downloads a produced file with a safe name, in both forms', async () => {
    for (const apiForm of ['ga', 'beta'] as const) {
      const chat = session({ apiForm });
      const turn = await chat.send('Please create a report file');
      const fileId = turn.files[0]?.fileId;
      assert.ok(fileId, 'the turn lists the produced file');
      assert.deepEqual(turn.files, [{ fileId, filename: 'emulator-report.md' }], 'named from the Files API before the turn ends');
      const producer = turn.blocks.find(
        (block): block is ToolCallBlock => block.type === 'tool' && block.result?.kind === 'bash' && block.result.files.length > 0,
      );
      assert.deepEqual(producer?.result?.kind === 'bash' && producer.result.files, [{ fileId, filename: 'emulator-report.md' }]);
      const file = await chat.downloadFile(fileId);
      assert.equal(file.filename, 'emulator-report.md');
      assert.equal(file.mimeType, 'text/markdown');
      assert.match(new TextDecoder().decode(file.bytes), /Prompt: Please create a report file/);
    }
    await assert.rejects(
      session().downloadFile('file_nope'),
      (error: unknown) => error instanceof SkillsApiError && error.kind === 'not-found',
    );
  });

  it('lists the current models and picks a current default, never a retired one', async () => {
    const models = await session().listModels();
    assert.ok(models.some((model) => model.id === 'claude-sonnet-5-5'));
    assert.ok(!models.some((model) => model.id === 'claude-sonnet-4-5-20250929'));
    assert.ok(models.every((model) => model.lifecycle !== 'retired'));
    assert.equal(defaultModel(models), 'claude-sonnet-5-5');
    env.emulator.admin.injectFault({ path: '/v1/models', status: 503 });
    await assert.rejects(
      session().listModels(),
      (error: unknown) => error instanceof SkillsApiError && error.kind === 'server' && /Claude API/.test(error.message),
    );
    env.emulator.admin.injectFault({ path: '/v1/models', status: 404 });
    await assert.rejects(session().listModels(), (error: unknown) => {
      assert.ok(error instanceof SkillsApiError);
      assert.equal(error.message, 'The service has no model list (404 at /v1/models).', 'says what failed, not to check skill ids');
      return true;
    });
  });

  it('keeps a copy in step through its updates (what the webview applies)', async () => {
    const chat = session();
    let copy = structuredClone(chat.viewModel);
    chat.onUpdate((update) => {
      copy = applyChatUpdate(copy, structuredClone(update));
    });
    await chat.send('one, pause x1');
    await chat.send('two, create a file');
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'error' });
    await chat.send('three');
    assert.deepEqual(copy, chat.viewModel);
    chat.reset();
    await chat.send('four');
    assert.deepEqual(copy, chat.viewModel);
  });

  it('restores a saved conversation and continues it in its container', async () => {
    const original = session();
    await original.send('remember this');
    const saved = structuredClone(original.viewModel);
    const restored = session();
    const updates: ChatUpdate[] = [];
    restored.onUpdate((update) => updates.push(update));
    restored.restore(saved);
    assert.deepEqual(updates[0], { type: 'snapshot', viewModel: saved });
    assert.deepEqual(restored.viewModel, saved);
    const next = await restored.send('and now?');
    assert.equal(next.container?.id, saved.container?.id);
    assert.ok(allInput(next) > allInput(await session().send('and now?')), 'the restored history is sent');
  });

  it('a send starts its reply as newAssistantTurn makes one, the turn the reducer tests start from', async () => {
    const chat = session();
    const added: ChatUpdate[] = [];
    chat.onUpdate((update) => {
      if (update.type === 'turnAdded') added.push(update);
    });
    await chat.send('Hello');
    const replies = added.flatMap((update) => (update.type === 'turnAdded' && update.turn.role === 'assistant' ? [update.turn] : []));
    assert.equal(replies.length, 1);
    assert.deepEqual(replies[0], newAssistantTurn(replies[0].id, MODEL));
  });
});
