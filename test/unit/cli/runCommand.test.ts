import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noKeyText } from '../../../src/cli/apiKey';
import { runRunCommand, type RunIo } from '../../../src/cli/runCommand';
import { terminalSafe } from '../../../src/cli/terminalText';
import type { ChatViewModel } from '../../../src/core/chat/viewModel';
import { emulatorForSuite, TEST_KEY } from '../emulator/support';

/** Runs the command in this process with captured output; Ctrl+C is pressed after `interruptAfter` writes to stdout. */
async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
  interruptAfter = Infinity,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  let interrupt = (): void => {};
  const io: RunIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        if (++writes === interruptAfter) interrupt();
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    readStdin: () => Promise.resolve(stdin),
    onInterrupt: (stop) => {
      interrupt = stop;
      return () => {
        interrupt = () => {};
      };
    },
  };
  const code = await runRunCommand(argv, io);
  return { code, stdout, stderr };
}

describe('skillsmith run', () => {
  const env = emulatorForSuite({ seed: true });
  const vars = (): NodeJS.ProcessEnv => ({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: env.emulator.url });
  const customId = (): string => env.emulator.admin.store.list('custom').find((skill) => skill.name === 'brand-voice')?.id ?? '';

  it('streams the answer to stdout and the tool calls with their output to stderr', async () => {
    const { code, stdout, stderr } = await run(
      ['--skill', customId(), '--skill', 'xlsx', 'Write brand copy, then create a report file'],
      vars(),
    );
    assert.equal(code, 0);
    assert.match(stdout, /^This is the Skillsmith emulator/);
    assert.match(stdout, /> Write brand copy, then create a report file/);
    assert.match(stdout, /\*\*brand-voice\*\*/);
    assert.doesNotMatch(stdout, /\[bash\]/);
    assert.match(stderr, /\[view\] \/skills\/brand-voice\/SKILL\.md\n {2}\(\d+ lines\)/);
    assert.match(
      stderr,
      /\[bash\] find \/skills\/brand-voice\/ -type f \| sort\n {2}│ \/skills\/brand-voice\/SKILL\.md\n {2}│ \/skills\/brand-voice\/reference\/tone\.md/,
    );
    assert.match(stderr, /\[create\] \/tmp\/outputs\/emulator-report\.md\n {2}file created/);
    assert.match(stderr, /produced file file_/);
    assert.match(stderr, /— files: emulator-report\.md \(file_\w+\)/);
    assert.match(stderr, /— done \(end_turn\) · claude-sonnet-5-5 · tokens: \d+ in, \d+ out/);
    assert.match(stderr, /— container container_\S+ \(expires [^)]+\) · skills: skill_\S+@skver_\S+, xlsx@\d+/);
    assert.ok(stdout.endsWith('\n'));
  });

  it('prints the final view model as JSON with --format json, the prompt read from stdin', async () => {
    const { code, stdout, stderr } = await run(
      ['--skill', 'pdf@latest', '--format', 'json', '--model', 'claude-haiku-5-5', '-'],
      vars(),
      'pause x1 please',
    );
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const view = JSON.parse(stdout) as ChatViewModel;
    assert.equal(view.turns.length, 2);
    const answer = view.turns[1];
    assert.equal(answer?.role, 'assistant');
    assert.equal(answer?.role === 'assistant' && answer.model, 'claude-haiku-5-5');
    assert.equal(answer?.role === 'assistant' && answer.continuations, 1);
    assert.equal(view.container?.skills[0]?.skillId, 'pdf');
  });

  it('exits 1 with the message and request id when the turn ends in an error', async () => {
    const { code, stderr } = await run(['--skill', 'skill_missing', 'hi'], vars());
    assert.equal(code, 1);
    assert.match(
      stderr,
      /skillsmith run: Not found \(404\): container\.skills: custom skill skill_missing not found\..*\(request id req_\w+\)/,
    );
    env.emulator.admin.injectFault({ path: '/v1/messages', stream: 'error' });
    const broken = await run(['--format', 'json', 'hi'], vars());
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /in the middle of the answer/);
    assert.equal((JSON.parse(broken.stdout) as ChatViewModel).turns.length, 2);
  });

  it('stops on Ctrl+C with exit code 130, keeping what was printed', async () => {
    const { code, stdout, stderr } = await run(['Reply with 50000 tokens.'], vars(), '', 20);
    assert.equal(code, 130);
    assert.match(stdout, /^This is the Skillsmith emulator/);
    assert.match(stderr, /— stopped/);
  });

  it('exits 2 without a key or a prompt, and says why', async () => {
    const noKey = await run(['hi'], { ANTHROPIC_BASE_URL: env.emulator.url });
    assert.equal(noKey.code, 2);
    assert.equal(noKey.stderr, noKeyText('run'));
    const noPrompt = await run([], vars());
    assert.equal(noPrompt.code, 2);
    assert.match(noPrompt.stderr, /Give the prompt/);
  });

  it('falls back to a current model with a note when the model list fails, and uses --base-url', async () => {
    env.emulator.admin.injectFault({ path: '/v1/models', status: 404 });
    const { code, stderr } = await run(['--base-url', env.emulator.url, 'hi'], {
      ANTHROPIC_API_KEY: TEST_KEY,
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
    });
    assert.equal(code, 0);
    assert.match(stderr, /could not list the models .*; using claude-sonnet-5-5/);
    assert.match(stderr, /· claude-sonnet-5-5 ·/);
  });

  it('keeps model output from driving the terminal', () => {
    assert.equal(terminalSafe('ok\u001b[2J\u001b]0;pwned\u0007 \u202eevil\r\nline\tTab'), 'ok[2J]0;pwned evil\nline\tTab');
  });
});
