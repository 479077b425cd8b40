import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { zipFileSet } from '../../../src/core/bundle/zipFileSet';
import { MAX_TOOL_TEXT } from '../../../src/core/chat/toolResults';
import type { ChatViewModel } from '../../../src/core/chat/viewModel';
import { fileSetOf, skillMd, writeTree } from '../../unit/bundle/support';
import { TEST_KEY } from '../../unit/emulator/support';
import { apiError, bashTurnEvents, hugeBody, sse, startHostileServer, type BodyEnd, type HostileServer } from '../../support/hostileServer';
import { outcomeOf, type Outcome } from '../../support/outcome';

/** An OSC 52 (writes the clipboard) and an OSC 0 (retitles the window), as a hostile file or service sends them. */
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const TITLE = '\u001b]0;pwned\u0007';
/** Any C0 or C1 control character but line feed and tab: what a terminal must never be sent raw. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PRINT_MAX_RSS = join(ROOT, 'test', 'support', 'printMaxRss.mjs');

/** Runs `skillsmith ARGS` as a process against `url`; resolves with its exit code and output, whatever the code. */
function skillsmith(url: string, args: readonly string[], cwd = ROOT): Promise<Outcome> {
  const env = { ...process.env, NO_COLOR: '1', ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: url };
  return outcomeOf(process.execPath, ['--import', pathToFileURL(PRINT_MAX_RSS).href, CLI, ...args], {
    cwd,
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
}

describe('the built CLI against a hostile server (a process)', () => {
  let server: HostileServer;
  let root: string;
  before(async () => {
    await promisify(execFile)(process.execPath, ['esbuild.js'], { cwd: ROOT });
    server = await startHostileServer();
    root = await mkdtemp(join(tmpdir(), 'skillsmith-hostile-'));
    await writeTree(join(root, 'calm-skill'), { 'SKILL.md': skillMd('calm-skill'), 'notes.md': 'local notes\n' });
  });
  after(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  describe('skillsmith diff against a version body far larger than a skill', () => {
    it('stops reading at the cap and says so', async () => {
      let body: Promise<BodyEnd> | undefined;
      server.serve((_request, response) => {
        body = hugeBody(response, 1024 * 1024 * 1024);
      });
      const outcome = await skillsmith(server.url, ['diff', 'calm-skill', '--skill-id', 'skill_x'], root);
      console.log(`# diff: ${/max-rss (\d+ MB)/.exec(outcome.stderr)?.[1]} peak for a 1,024 MB body`);
      assert.equal(outcome.code, 2, outcome.stderr);
      assert.match(
        outcome.stderr,
        /Could not download version latest of skill_x: The download of the skill version was stopped: it is larger than 39\.8 MB\./,
      );
      assert.equal(await body, 'closed');
    });
  });

  describe('control sequences from files and the service are escaped, as lint escapes them', () => {
    it('diff: in remote and local file contents', async () => {
      const remote = await zipFileSet(
        fileSetOf('calm-skill', { 'SKILL.md': skillMd('calm-skill'), 'notes.md': `remote ${CLIPBOARD} notes\n` }),
      );
      server.serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/zip', 'content-length': remote.byteLength });
        response.end(remote);
      });
      const outcome = await skillsmith(server.url, ['diff', 'calm-skill', '--skill-id', 'skill_x'], root);
      assert.equal(outcome.code, 1, outcome.stderr);
      assert.doesNotMatch(outcome.stdout, RAW_CONTROL);
      assert.match(outcome.stdout, /^-remote \\x1B\]52;c;cm0gLXJmIH4=\\x07 notes$/m);
      assert.match(outcome.stdout, /^\+local notes$/m);
    });

    it('diff and publish: in the API error messages of a failure', async () => {
      server.serve((_request, response) => apiError(response, 400, `refused ${TITLE}${CLIPBOARD}`));
      for (const args of [
        ['diff', 'calm-skill', '--skill-id', 'skill_x'],
        ['publish', 'calm-skill', '--new'],
      ]) {
        const outcome = await skillsmith(server.url, args, root);
        assert.doesNotMatch(outcome.stderr, RAW_CONTROL, args[0]);
        assert.match(outcome.stderr, /refused \\x1B\]0;pwned\\x07\\x1B\]52;c;/, args[0]);
      }
    });

    it('publish --dry-run and pack: in file and folder names', async () => {
      const folder = `odd${TITLE}skill`;
      await writeTree(join(root, folder), { 'SKILL.md': skillMd('odd-skill'), [`a${CLIPBOARD}.md`]: 'x\n' });
      const dryRun = await skillsmith(server.url, ['publish', folder, '--dry-run'], root);
      assert.doesNotMatch(dryRun.stdout, RAW_CONTROL);
      assert.match(dryRun.stdout, /a\\x1B\]52;c;cm0gLXJmIH4=\\x07\.md/);
      const pack = await skillsmith(server.url, ['pack', folder, '-o', 'odd.zip'], root);
      assert.doesNotMatch(pack.stdout + pack.stderr, RAW_CONTROL);
      assert.match(pack.stdout + pack.stderr, /odd\\x1B\]0;pwned\\x07skill/);
    });

    it("run: in --format json's error line and the warning that the models could not be listed", async () => {
      server.serve((_request, response) => apiError(response, 400, `refused ${TITLE}`));
      const outcome = await skillsmith(server.url, ['run', '--format', 'json', 'hello']);
      assert.equal(outcome.code, 1, outcome.stderr);
      assert.doesNotMatch(outcome.stderr, RAW_CONTROL);
      assert.match(outcome.stderr, /could not list the models \(.*refused \\x1B\]0;pwned\\x07/);
      assert.match(outcome.stderr, /^skillsmith run: .*refused \\x1B\]0;pwned\\x07/m);
    });
  });

  describe('skillsmith run with a 30 MB tool output', () => {
    const stdout = `${'a line of output\n'.repeat(1_800_000)}`;
    before(() => {
      server.serve((_request, response) => sse(response, bashTurnEvents('yes', stdout, 'Done.')));
    });

    it('prints at most 200 lines of it and says how much was left out', async () => {
      const outcome = await skillsmith(server.url, ['run', '--model', 'claude-sonnet-5-5', 'print a lot']);
      console.log(
        `# run, text: ${/max-rss (\d+ MB)/.exec(outcome.stderr)?.[1]} peak for ${(stdout.length / 1048576).toFixed(1)} MB of output`,
      );
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
