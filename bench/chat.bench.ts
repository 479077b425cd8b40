/**
 * `npm run bench:chat`: a 100,000-token reply streamed by the emulator (in its own process), consumed through the
 * chat core (`ChatSession.send`, the reducer and its view model) and by the bare SDK stream in the same run.
 * Prints the median of several rounds and the ratio core / SDK (target: at most 1.10).
 *
 * Each part is a function returning its rows, so more parts (the webview's frames) can be added to `main`.
 */
import Anthropic from '@anthropic-ai/sdk';
import { createChatSession } from '../src/core/chat/createChatSession';
import { buildRequest } from '../src/core/chat/requests';
import { compare, startEmulatorProcess, type Cost } from './support';

const TOKENS = 100_000;
const ROUNDS = 15;
const KEY = 'bench-key-not-real';
const MODEL = 'claude-sonnet-5-5';
const PROMPT = `Reply with ${TOKENS} tokens.`;

/** One line of the printed table: two costs and what they measured. */
export interface BenchRow {
  readonly work: string;
  readonly ours: Cost;
  readonly baseline: Cost;
}

/**
 * The core against the bare SDK on the same request. The baseline is the fastest honest way to get the answer:
 * iterate the SDK's raw event stream (`messages.create({stream: true})`) and concatenate the text deltas. The SDK's
 * own accumulating helper (`messages.stream().finalText()`) is measured too, for reference.
 */
export async function benchCore(url: string): Promise<BenchRow[]> {
  const sdk = new Anthropic({ apiKey: KEY, baseURL: url, maxRetries: 0 });
  const options = { model: MODEL, maxTokens: TOKENS + 1000, skills: [] };
  const session = createChatSession(sdk, options);
  let updates = 0;
  session.onUpdate(() => updates++);
  const throughCore = async (): Promise<number> => {
    session.reset();
    const turn = await session.send(PROMPT);
    if (turn.status !== 'done') throw new Error(`The core's turn ended ${turn.status}: ${turn.error?.message}`);
    return turn.usage.outputTokens;
  };
  const body = buildRequest({
    form: 'ga',
    model: MODEL,
    maxTokens: options.maxTokens,
    skills: [],
    containerId: null,
    messages: [{ role: 'user', content: PROMPT }],
  });
  const params = body as unknown as Anthropic.MessageCreateParamsStreaming;
  const bareStream = async (): Promise<number> => {
    let text = '';
    for await (const event of await sdk.messages.create(params)) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    return text.length;
  };
  const sdkHelper = async (): Promise<number> => (await sdk.messages.stream(params).finalText()).length;
  const tokens = await throughCore();
  if (tokens < TOKENS) throw new Error(`Expected at least ${TOKENS} output tokens, got ${tokens}.`);
  const [core, bare] = await compare(ROUNDS, throughCore, bareStream);
  const [control, bareControl] = await compare(ROUNDS, bareStream, bareStream);
  const [helper, bareHelper] = await compare(ROUNDS, sdkHelper, bareStream);
  return [
    { work: `${TOKENS.toLocaleString('en')}-token reply: core (ChatSession) vs bare SDK stream`, ours: core, baseline: bare },
    { work: '  noise floor: bare SDK stream vs itself', ours: control, baseline: bareControl },
    { work: '  for reference: SDK messages.stream().finalText() vs bare', ours: helper, baseline: bareHelper },
  ];
}

function printRows(title: string, rows: readonly BenchRow[]): void {
  const cell = (value: number, width = 9): string => value.toFixed(1).padStart(width);
  const ratio = (a: number, b: number): string => (a / b).toFixed(2).padStart(6);
  console.log(title);
  console.log(
    `${'work'.padEnd(62)} ${'wall ms: ours'.padStart(13)} ${'base'.padStart(9)} ${'ratio'.padStart(6)}   ${'CPU ms: ours'.padStart(12)} ${'base'.padStart(9)} ${'ratio'.padStart(6)}`,
  );
  for (const { work, ours, baseline } of rows) {
    console.log(
      `${work.padEnd(62)} ${cell(ours.wall, 13)} ${cell(baseline.wall)} ${ratio(ours.wall, baseline.wall)}   ${cell(ours.cpu, 12)} ${cell(baseline.cpu)} ${ratio(ours.cpu, baseline.cpu)}`,
    );
  }
}

async function main(): Promise<void> {
  const { url, child } = await startEmulatorProcess();
  try {
    printRows(`Chat core vs bare SDK: median of ${ROUNDS} rounds, alternating, emulator in a child process`, await benchCore(url));
    console.log('ratio <= 1.10 is the target; CPU is this process only (the emulator runs apart).');
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
