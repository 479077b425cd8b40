import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandArgs, parseCommandArgs, runWithArgs, wholeNumber } from '../../../src/cli/args';
import { usageError } from './usageError';

const WITH_FORMATS = commandArgs({
  name: 'demo',
  usage: 'Usage: skillsmith demo PATH [--count N] [--format text|json]',
  options: { count: { type: 'string' }, tag: { type: 'string', multiple: true, default: [] } },
  formats: ['text', 'json'],
  read: ({ values, positionals, format }) => ({
    path: positionals[0],
    count: wholeNumber('count', values.count, 1, 9),
    tags: values.tag,
    format,
  }),
});

const WITHOUT_FORMATS = commandArgs({
  name: 'plain',
  usage: 'Usage: skillsmith plain',
  options: {},
  read: ({ positionals }) => positionals,
});

/** Runs `command` with `args`, collecting what it prints and whether its body ran. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ran: boolean }> {
  const printed = { stdout: '', stderr: '' };
  let ran = false;
  const io = {
    stdout: { write: (text: string) => (printed.stdout += text) },
    stderr: { write: (text: string) => (printed.stderr += text) },
  };
  const code = await runWithArgs(WITH_FORMATS, args, () => ((ran = true), Promise.resolve(7)), io);
  return { code, ...printed, ran };
}

describe('the arguments of a subcommand', () => {
  it('reads options, repeated options, positionals and the first format by default', () => {
    assert.deepEqual(parseCommandArgs(WITH_FORMATS, ['a', '--count=3', '--tag', 'x', '--tag', 'y']), {
      path: 'a',
      count: 3,
      tags: ['x', 'y'],
      format: 'text',
    });
    assert.deepEqual(parseCommandArgs(WITH_FORMATS, ['--format', 'json', 'a']), { path: 'a', count: undefined, tags: [], format: 'json' });
  });

  it('words what is wrong the same way for every command', () => {
    assert.equal(
      usageError(() => parseCommandArgs(WITH_FORMATS, ['--format', 'xml'])),
      "Unknown format 'xml': use one of text, json.",
    );
    assert.equal(
      usageError(() => parseCommandArgs(WITH_FORMATS, ['--verbose'])),
      "Unknown option '--verbose'.",
    );
    assert.equal(
      usageError(() => parseCommandArgs(WITH_FORMATS, ['--count'])),
      '--count needs a value.',
    );
    assert.equal(
      usageError(() => parseCommandArgs(WITH_FORMATS, ['--count', '0'])),
      "--count must be a whole number from 1 to 9, not '0'.",
    );
    assert.equal(
      usageError(() => parseCommandArgs(WITH_FORMATS, ['--count', '2.5'])),
      "--count must be a whole number from 1 to 9, not '2.5'.",
    );
    assert.equal(
      usageError(() => parseCommandArgs(WITH_FORMATS, ['--help=yes'])),
      '--help takes no value.',
    );
    assert.equal(
      usageError(() => wholeNumber('max-tokens', '', 1)),
      "--max-tokens must be a whole number of at least 1, not ''.",
    );
  });

  it('has --format only when the command has formats', () => {
    assert.deepEqual(parseCommandArgs(WITHOUT_FORMATS, ['a']), ['a']);
    assert.equal(
      usageError(() => parseCommandArgs(WITHOUT_FORMATS, ['--format', 'text'])),
      "Unknown option '--format'.",
    );
  });

  it('prints the help for -h or --help and exits 0, before reading anything else', async () => {
    for (const args of [['-h'], ['--help', '--format', 'xml', '--count', '0']]) {
      const result = await run(args);
      assert.deepEqual(result, { code: 0, stdout: `${WITH_FORMATS.usage}\n`, stderr: '', ran: false }, args.join(' '));
    }
  });

  it('prints a usage error with the help on stderr and exits 2; else runs the command', async () => {
    assert.deepEqual(await run(['--count', 'ten']), {
      code: 2,
      stdout: '',
      stderr: `skillsmith demo: --count must be a whole number from 1 to 9, not 'ten'.\n\n${WITH_FORMATS.usage}\n`,
      ran: false,
    });
    assert.deepEqual(await run(['a']), { code: 7, stdout: '', stderr: '', ran: true });
  });
});
