/** `skillsmith run`: one prompt with skills, streamed; for smoke tests of skills in CI. Loaded on first use. */
import { createChatSession } from '../core/chat/createChatSession';
import { DEFAULT_MAX_TOKENS } from '../core/chat/defaultModel';
import type { ChatSession } from '../core/chat/session';
import type { AssistantTurn } from '../core/chat/viewModel';
import { chooseModel, sdkFromEnvironment } from './apiSubcommand';
import { terminalOutput } from './terminalText';
import { runWithArgs } from './args';
import { RUN_ARGS, type RunArgs } from './runArgs';
import { RunPrinter } from './runPrinter';
import type { TextSink } from './textSink';

/** What the command reads and writes (the process's by default; buffers in tests). */
export interface RunIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: NodeJS.ProcessEnv;
  readonly readStdin: () => Promise<string>;
  /** Calls `stop` on Ctrl+C; returns the function that stops listening. */
  readonly onInterrupt: (stop: () => void) => () => void;
}

const processIo: RunIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  },
  onInterrupt: (stop) => {
    process.once('SIGINT', stop);
    return () => process.off('SIGINT', stop);
  },
};

/** Runs `skillsmith run`; returns the exit code (0 done, 1 the turn ended in an error, 2 usage, 130 interrupted). */
export function runRunCommand(argv: string[], io: RunIo = processIo): Promise<number> {
  return runWithArgs(RUN_ARGS, argv, (args) => run(args, io), io);
}

async function run(args: RunArgs, io: RunIo): Promise<number> {
  const sdk = sdkFromEnvironment('run', args.baseUrl, io);
  if (!sdk) return 2;
  const prompt = args.prompt === '-' ? await io.readStdin() : args.prompt;
  if (prompt.trim() === '') {
    io.stderr.write('skillsmith run: the prompt is empty.\n');
    return 2;
  }
  const session = createChatSession(sdk, {
    model: await chooseModel('run', args.model, sdk, io),
    maxTokens: args.maxTokens ?? DEFAULT_MAX_TOKENS,
    system: args.system,
    skills: args.skills,
    apiForm: args.apiForm,
    maxContinuations: args.maxContinuations,
  });
  const turn = await stream(session, prompt, args, io);
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(session.viewModel, null, 2)}\n`);
  return turn.status === 'error' ? 1 : turn.status === 'stopped' ? 130 : 0;
}

/** Sends the prompt, printing as it streams in text format (json prints only the error, if any). */
async function stream(session: ChatSession, prompt: string, args: RunArgs, io: RunIo): Promise<AssistantTurn> {
  const printer = new RunPrinter(io.stdout, io.stderr);
  const unsubscribe = args.format === 'text' ? session.onUpdate(printer.onUpdate) : () => {};
  const stopListening = io.onInterrupt(() => session.stop());
  try {
    const turn = await session.send(prompt);
    if (args.format === 'text') printer.finish(turn);
    else if (turn.error)
      terminalOutput(io.stderr).text(
        `skillsmith run: ${turn.error.message}${turn.error.requestId ? ` (request id ${turn.error.requestId})` : ''}\n`,
      );
    return turn;
  } finally {
    stopListening();
    unsubscribe();
  }
}
