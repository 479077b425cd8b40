import { messageOf } from './core/messageOf';
import { tuneTieringForShortRun } from './cli/v8Tiering';

/** A subcommand: takes its own arguments, returns the process exit code. */
type Subcommand = (args: string[]) => Promise<number>;

/**
 * The subcommands, one line each. Each loads its module on use: esbuild.js builds every `src/cli/*Command.ts` into a
 * bundle of its own that this import requires, so `skillsmith lint` never parses the SDK, the emulator or `jszip`.
 */
const SUBCOMMANDS: Record<string, { run: Subcommand; summary: string }> = {
  lint: {
    run: async (args) => {
      tuneTieringForShortRun();
      return (await import('./cli/lintCommand.js')).runLintCommand(args);
    },
    summary: 'lint SKILL.md files and skill folders',
  },
  emulator: {
    run: async (args) => (await import('./cli/emulatorCommand.js')).runEmulatorCommand(args),
    summary: 'serve the local Skills API emulator',
  },
  run: {
    run: async (args) => (await import('./cli/runCommand.js')).runRunCommand(args),
    summary: 'send a prompt with skills and stream the answer',
  },
  pack: { run: async (args) => (await import('./cli/packCommand.js')).runPackCommand(args), summary: 'zip a skill folder for claude.ai' },
  publish: {
    run: async (args) => (await import('./cli/publishCommand.js')).runPublishCommand(args),
    summary: 'upload a skill folder as a new skill or version',
  },
  diff: {
    run: async (args) => (await import('./cli/diffCommand.js')).runDiffCommand(args),
    summary: 'compare a skill folder with a remote version',
  },
  eval: {
    run: async (args) => (await import('./cli/evalCommand.js')).runEvalCommand(args),
    summary: "run a skill's trigger and output evals through the API",
  },
  tune: {
    run: async (args) => (await import('./cli/tuneCommand.js')).runTuneCommand(args),
    summary: "tune a skill's description on its trigger evals through the API",
  },
};

function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return [
    'Usage: skillsmith <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `skillsmith <command> --help` for its options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = SUBCOMMANDS[name];
  if (!command) {
    process.stderr.write(`skillsmith: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest);
}

/** The exit status of a command whose reader went away, as a shell reports one stopped by SIGPIPE (128 + 13). */
const READER_GONE = 141;

// `skillsmith lint . | head`: when the reader closes the pipe, stop quietly, as command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`skillsmith: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? READER_GONE : 2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`skillsmith: ${messageOf(error)}\n`);
    process.exitCode = 2;
  },
);
