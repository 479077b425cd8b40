/**
 * The emulator's deterministic stand-in for a model. It says it is the emulator, echoes the prompt,
 * reads the SKILL.md of each skill in the container that the prompt triggers (`skillTrigger.ts`), lists
 * `/skills/<directory>/` with a bash call, answers a forced tool (a grader's verdicts, `graderReply.ts`), and
 * follows a few instructions found in the prompt:
 * - "create a file" (also make/write/produce/save/generate … file/report): writes a report the Files API serves,
 *   as `emulator-report.md` or as the name given in quotes after "named" (`named "../x.md"`: a hostile name, as is);
 * - "pause_turn" or "pause" (optionally "pause x3"): stops with `pause_turn` that many times;
 * - "N tokens" (e.g. "reply with 100000 tokens"): a long reply of exactly N text tokens (one per delta).
 */
import { formatCount } from '../core/text/count';
import type { ChatState, EmulatedContainer } from './chatState';
import { randomKey } from './ids';
import type { MessageRequest } from './messageRequest';
import { forcedToolInput } from './graderReply';
import type { Json } from './shapes';
import { promptTriggers } from './skillTrigger';

/** A skill of the container, resolved and read. */
export interface ContainerSkill {
  readonly name: string;
  readonly description: string;
  readonly directory: string;
  readonly skillId: string;
  /** The resolved version as the response names it. */
  readonly version: string;
  readonly skillMd: string;
  /** Paths relative to the skill's directory. */
  readonly files: readonly string[];
}

/** A block of the reply: text in token-sized pieces, a tool call, or a tool result (sent whole). */
export type ScriptedBlock =
  | { readonly kind: 'text'; readonly pieces: readonly string[] }
  | { readonly kind: 'tool'; readonly id: string; readonly name: string; readonly input: Json }
  /** A call of one of the request's own tools (`tool_use`), which ends the reply with `stop_reason: tool_use`. */
  | { readonly kind: 'client_tool'; readonly id: string; readonly name: string; readonly input: Json }
  | { readonly kind: 'result'; readonly block: Json };

/** The whole reply to one request. */
export interface ScriptedReply {
  readonly blocks: readonly ScriptedBlock[];
  readonly stopReason: 'end_turn' | 'pause_turn' | 'max_tokens' | 'tool_use';
  readonly outputTokens: number;
}

/** How often the scripted model pauses, at most. */
const MAX_PAUSES = 10;
/** The longest reply it writes on request. */
const MAX_LONG_REPLY = 2_000_000;
/** The words of a long reply, in a fixed cycle. */
const FILLER = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'do', 'eiusmod', 'tempor'];
const PAUSE_MARKER = /\[pause_turn \d+ of \d+\]/g;

/** Composes the reply to a request in `container`, storing any file it produces in `state`. */
export function scriptedReply(
  request: MessageRequest,
  skills: readonly ContainerSkill[],
  container: EmulatedContainer,
  state: ChatState,
): ScriptedReply {
  const prompt = request.prompt;
  const reply = new ReplyBuilder(request.maxTokens);
  if (request.forcedTool) return reply.forcedTool(request.forcedTool.name, forcedToolInput(prompt, request.forcedTool.inputSchema));
  const pauses = requestedPauses(prompt);
  const pausedSoFar = countPauses(request.resumedContent);
  if (pausedSoFar === 0) {
    const used = skills.filter((skill) => promptTriggers(prompt, skill.name, skill.description));
    reply.text(introduction(prompt, skills, used));
    const uploaded = request.uploads.flatMap((fileId) => state.findFile(fileId)?.filename ?? []);
    if (uploaded.length > 0) reply.text(`Your files are in the container: ${uploaded.join(', ')}.\n`);
    for (const skill of used) readSkill(reply, skill);
    if (skills.length > 0) reply.text(skills.map(describeSkill).join('\n') + '\n');
  } else {
    reply.text(`Continuing after pause_turn ${pausedSoFar} in the same container (\`${container.id}\`).\n`);
  }
  if (pausedSoFar < pauses) {
    reply.text(`[pause_turn ${pausedSoFar + 1} of ${pauses}]`);
    return reply.finish('pause_turn');
  }
  if (asksForFile(prompt)) produceFile(reply, prompt, skills, state);
  const longReply = requestedTokens(prompt);
  if (longReply > 0) reply.words(longReply);
  else reply.text('That is all the emulator does: it never calls a real model.');
  return reply.finish('end_turn');
}

/** Collects blocks and counts tokens (a text piece is one token), cutting the reply at `max_tokens`. */
class ReplyBuilder {
  private readonly blocks: ScriptedBlock[] = [];
  private tokens = 0;
  private cut = false;

  constructor(private readonly maxTokens: number) {}

  text(text: string): void {
    this.addPieces(text.match(/\s*\S+\s*/g) ?? []);
  }

  /** `count` filler words, a paragraph break every 60. */
  words(count: number): void {
    const pieces: string[] = [];
    for (let i = 0; i < count; i++) pieces.push(`${FILLER[i % FILLER.length]}${(i + 1) % 60 === 0 ? '\n\n' : ' '}`);
    this.addPieces(pieces);
  }

  /** A tool call and its result; false when `max_tokens` cut the reply before it. */
  tool(name: string, input: Json, result: (toolUseId: string) => Json): boolean {
    const cost = Math.ceil(JSON.stringify(input).length / 4);
    if (this.cut || this.tokens + cost > this.maxTokens) {
      this.cut = true;
      return false;
    }
    this.tokens += cost;
    const id = `srvtoolu_${randomKey()}`;
    this.blocks.push({ kind: 'tool', id, name, input }, { kind: 'result', block: result(id) });
    return true;
  }

  /** The whole reply is one call of the request's forced tool. */
  forcedTool(name: string, input: Json): ScriptedReply {
    const tokens = Math.max(1, Math.min(this.maxTokens, Math.ceil(JSON.stringify(input).length / 4)));
    return { blocks: [{ kind: 'client_tool', id: `toolu_${randomKey()}`, name, input }], stopReason: 'tool_use', outputTokens: tokens };
  }

  finish(stopReason: 'end_turn' | 'pause_turn'): ScriptedReply {
    return { blocks: this.blocks, stopReason: this.cut ? 'max_tokens' : stopReason, outputTokens: Math.max(1, this.tokens) };
  }

  private addPieces(pieces: string[]): void {
    if (this.cut || pieces.length === 0) return;
    const room = this.maxTokens - this.tokens;
    const kept = pieces.length > room ? pieces.slice(0, room) : pieces;
    if (kept.length < pieces.length) this.cut = true;
    this.tokens += kept.length;
    if (kept.length > 0) this.blocks.push({ kind: 'text', pieces: kept });
  }
}

function introduction(prompt: string, skills: readonly ContainerSkill[], used: readonly ContainerSkill[]): string {
  const quoted = prompt
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `This is the Skillsmith emulator, a scripted stand-in for Claude (no model runs here). You wrote:\n\n${quoted}\n\n${skillsRead(skills.length, used.length)}\n`;
}

/** What the reply says of the `attached` skills in the container, `used` of which the prompt triggers. */
export function skillsRead(attached: number, used: number): string {
  if (attached === 0) return 'No skills are attached to the container.';
  if (used === 1) return 'Reading the SKILL.md of 1 skill.';
  if (used > 1) return `Reading the SKILL.md files of ${formatCount(used)} skills.`;
  return attached === 1
    ? 'The one skill in the container does not match the prompt.'
    : `None of the ${formatCount(attached)} skills in the container matches the prompt.`;
}

/** Views the skill's SKILL.md with the text editor tool and lists its folder with bash. */
function readSkill(reply: ReplyBuilder, skill: ContainerSkill): void {
  const root = `/skills/${skill.directory}`;
  const lines = skill.skillMd.split('\n');
  reply.tool('text_editor_code_execution', { command: 'view', path: `${root}/SKILL.md` }, (toolUseId) => ({
    type: 'text_editor_code_execution_tool_result',
    tool_use_id: toolUseId,
    content: {
      type: 'text_editor_code_execution_view_result',
      file_type: 'text',
      content: skill.skillMd,
      num_lines: lines.length,
      start_line: 1,
      total_lines: lines.length,
    },
  }));
  const listing = skill.files
    .map((file) => `${root}/${file}`)
    .sort()
    .join('\n');
  reply.tool('bash_code_execution', { command: `find ${root}/ -type f | sort` }, (toolUseId) => bashResult(toolUseId, `${listing}\n`, []));
}

function describeSkill(skill: ContainerSkill): string {
  return `- **${skill.name}** (\`${skill.skillId}\`, version \`${skill.version}\`): ${skill.description}`;
}

function produceFile(reply: ReplyBuilder, prompt: string, skills: readonly ContainerSkill[], state: ChatState): void {
  const filename = /\bnamed "([^"]*)"/.exec(prompt)?.[1] ?? 'emulator-report.md';
  const path = '/tmp/outputs/emulator-report.md';
  const text = `# Emulator report\n\nPrompt: ${prompt}\n\nSkills: ${skills.map((skill) => skill.name).join(', ') || 'none'}\n`;
  const created = reply.tool('text_editor_code_execution', { command: 'create', path, file_text: text }, (toolUseId) => ({
    type: 'text_editor_code_execution_tool_result',
    tool_use_id: toolUseId,
    content: { type: 'text_editor_code_execution_create_result', is_file_update: false },
  }));
  if (!created) return;
  const file = state.addFile(filename, 'text/markdown', new TextEncoder().encode(text));
  reply.tool('bash_code_execution', { command: 'ls /tmp/outputs/' }, (toolUseId) =>
    bashResult(toolUseId, 'emulator-report.md\n', [file.id]),
  );
  reply.text(`I wrote \`${path}\`; it is downloadable as file \`${file.id}\`.\n`);
}

function bashResult(toolUseId: string, stdout: string, fileIds: readonly string[]): Json {
  return {
    type: 'bash_code_execution_tool_result',
    tool_use_id: toolUseId,
    content: {
      type: 'bash_code_execution_result',
      stdout,
      stderr: '',
      return_code: 0,
      content: fileIds.map((fileId) => ({ type: 'bash_code_execution_output', file_id: fileId })),
    },
  };
}

function requestedPauses(prompt: string): number {
  const match = /\bpause(?:_turn)?\b(?:\s*[x×]\s*(\d+))?/i.exec(prompt);
  if (!match) return 0;
  return Math.min(MAX_PAUSES, Math.max(1, Number(match[1] ?? 1)));
}

function countPauses(resumed: readonly Json[]): number {
  let count = 0;
  for (const block of resumed)
    if (block['type'] === 'text' && typeof block['text'] === 'string') count += block['text'].match(PAUSE_MARKER)?.length ?? 0;
  return count;
}

function asksForFile(prompt: string): boolean {
  return /\b(create|make|write|produce|save|generate)\b/i.test(prompt) && /\b(file|report)\b/i.test(prompt);
}

function requestedTokens(prompt: string): number {
  const match = /\b(\d[\d,_]*)\s*tokens?\b/i.exec(prompt);
  if (!match) return 0;
  return Math.min(MAX_LONG_REPLY, Number((match[1] ?? '0').replace(/[,_]/g, '')));
}
