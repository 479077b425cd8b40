import { runLintCommand } from './cli/lintCommand';
import { runEmulatorCommand } from './cli/emulatorCommand';

/** A subcommand: takes its own arguments, returns the process exit code. */
type Subcommand = (args: string[]) => Promise<number>;

const SUBCOMMANDS: Record<string, { run: Subcommand; summary: string }> = {
  lint: { run: runLintCommand, summary: 'lint SKILL.md files and skill folders' },
  emulator: { run: runEmulatorCommand, summary: 'serve the local Skills API emulator' },
  pack: { run: (args) => import('./cli/packCommand.js').then((m) => m.runPackCommand(args)), summary: 'zip a skill folder for claude.ai' },
  publish: { run: (args) => import('./cli/publishCommand.js').then((m) => m.runPublishCommand(args)), summary: 'upload a skill folder as a new skill or version' },
  diff: { run: (args) => import('./cli/diffCommand.js').then((m) => m.runDiffCommand(args)), summary: 'compare a skill folder with a remote version' },
  run: { run: (args) => (require('./cli/runCommand') as typeof import('./cli/runCommand')).runRunCommand(args), summary: 'send a prompt with skills and stream the answer' },
};

function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return ['Usage: skillsmith <command> [options]', '', 'Commands:', ...lines, '', 'Run `skillsmith <command> --help` for its options.'].join('\n');
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`skillsmith: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
