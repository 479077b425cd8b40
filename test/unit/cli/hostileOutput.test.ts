import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { MAX_TOOL_TEXT } from '../../../src/core/chat/toolResults';
import type { ChatViewModel } from '../../../src/core/chat/viewModel';
import { bashTurnEvents, sse, startHostileServer, type HostileServer } from '../../support/hostileServer';
import { TEST_KEY } from '../emulator/support';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'src', 'cli.ts');
const PRINT_MAX_RSS = join(ROOT, 'test', 'support', 'printMaxRss.mjs');

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `skillsmith ARGS` as a process against `url`; resolves with its exit code and output, whatever the code. */
async function skillsmith(url: string, args: readonly string[]): Promise<Outcome> {
  const env = { ...process.env, NO_COLOR: '1', ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: url };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--import', PRINT_MAX_RSS, CLI, ...args], { env, maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Outcome;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the CLI against a hostile server (a process)', () => {
  let server: HostileServer;
  before(async () => {
    server = await startHostileServer();
  });
  after(() => server.close());

  describe('skillsmith run with a 30 MB tool output', () => {
    const stdout = `${'a line of output\n'.repeat(1_800_000)}`;
    before(() => {
      server.serve((_request, response) => sse(response, bashTurnEvents('yes', stdout, 'Done.')));
    });

    it('prints at most 200 lines of it and says how much was left out', async () => {
      const outcome = await skillsmith(server.url, ['run', '--model', 'claude-sonnet-5-5', 'print a lot']);
      console.log(`# run, text: ${/max-rss (\d+ MB)/.exec(outcome.stderr)?.[1]} peak for ${(stdout.length / 1048576).toFixed(1)} MB of output`);
      assert.equal(outcome.code, 0, outcome.stderr);
      assert.equal(outcome.stdout, 'Done.\n');
      assert.equal(outcome.stderr.split('\n').filter((line) => line.startsWith('  │ a line of output')).length, 200);
      assert.match(outcome.stderr, /  │ … 30,596,600 more characters left out\n/);
    });

    it('keeps at most a bound of it in the JSON view model, and says how much is left out', async () => {
      const outcome = await skillsmith(server.url, ['run', '--model', 'claude-sonnet-5-5', '--format', 'json', 'print a lot']);
      console.log(`# run, json: ${/max-rss (\d+ MB)/.exec(outcome.stderr)?.[1]} peak`);
      assert.equal(outcome.code, 0, outcome.stderr);
      const view = JSON.parse(outcome.stdout) as ChatViewModel;
      const turn = view.turns.at(-1);
      const tool = turn?.role === 'assistant' ? turn.blocks.find((block) => block.type === 'tool') : undefined;
      assert.ok(tool?.type === 'tool' && tool.result?.kind === 'bash');
      assert.equal(tool.result.stdout.length, MAX_TOOL_TEXT);
      assert.deepEqual(tool.result.omitted, { stdout: stdout.length - MAX_TOOL_TEXT, stderr: 0 });
    });
  });
});
