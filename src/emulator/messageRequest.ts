import { badRequest, notFound } from './apiError';
import { findModel } from './models';
import type { PromptSegment } from './promptCache';
import type { Json } from './shapes';

/** The service's cap on skills in one container. */
export const MAX_SKILLS_PER_REQUEST = 8;

/** The code execution tool types the service knows. */
const CODE_EXECUTION_TOOLS = new Set(['code_execution_20250825', 'code_execution_20260120', 'code_execution_20260521']);

/** A skill as the request asked for it. */
export interface RequestedSkill {
  readonly type: 'anthropic' | 'custom';
  readonly skillId: string;
  /** `latest` when the request named none. */
  readonly version: string;
}

/** A Messages request the emulator accepted, with what the scripted model reads of it. */
export interface MessageRequest {
  readonly model: string;
  readonly maxTokens: number;
  readonly stream: boolean;
  /** The text of the last user message. */
  readonly prompt: string;
  /** The Files API ids the last user message attaches (`container_upload` blocks). */
  readonly uploads: readonly string[];
  /** The blocks of a trailing assistant message (a continuation after `pause_turn`), else empty. */
  readonly resumedContent: readonly Json[];
  readonly containerId: string | null;
  readonly skills: readonly RequestedSkill[];
  /** The tools, system and message blocks in prompt order, counted in tokens (characters / 4), for the prompt cache and usage. */
  readonly segments: readonly PromptSegment[];
  /** The tool `tool_choice: {type: 'tool', name}` forces, with its `input_schema`, else null. */
  readonly forcedTool: { readonly name: string; readonly inputSchema: Json } | null;
}

/** Checks a `POST /v1/messages` body as the service does; throws its 400/404 answers. */
export function readMessageRequest(body: unknown): MessageRequest {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  const model = body['model'];
  if (typeof model !== 'string' || model === '') throw badRequest('model: Field required.');
  const known = findModel(model);
  if (!known || known.lifecycle === 'retired') throw notFound(`model: ${model}`);
  const maxTokens = body['max_tokens'];
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    throw badRequest('max_tokens: Field required, an integer of at least 1.');
  }
  if (maxTokens > known.maxTokens) {
    throw badRequest(`max_tokens: ${maxTokens} > ${known.maxTokens}, which is the maximum allowed number of output tokens for ${model}.`);
  }
  const messages = readMessages(body['messages']);
  const last = messages.at(-1);
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  const skills = readSkills(body['container']);
  if (skills.length > 0 && !hasCodeExecution(body['tools'])) {
    throw badRequest(
      'container.skills requires the code execution tool: add {"type": "code_execution_20260521", "name": "code_execution"} to tools.',
    );
  }
  const container = body['container'];
  const containerId = isObject(container) && typeof container['id'] === 'string' && container['id'] !== '' ? container['id'] : null;
  return {
    model,
    maxTokens,
    stream: body['stream'] === true,
    prompt: lastUser ? textOf(lastUser.content) : '',
    uploads: lastUser ? uploadsOf(lastUser.content) : [],
    resumedContent: last?.role === 'assistant' && Array.isArray(last.content) ? last.content.filter(isObject) : [],
    containerId,
    skills,
    segments: promptSegments(body['tools'], body['system'], messages),
    forcedTool: readForcedTool(body['tool_choice'], body['tools']),
  };
}

/** The tool `tool_choice` forces; 400 when it names a tool that `tools` does not define. */
function readForcedTool(choice: unknown, tools: unknown): MessageRequest['forcedTool'] {
  if (!isObject(choice) || choice['type'] !== 'tool') return null;
  const name = choice['name'];
  if (typeof name !== 'string' || name === '') throw badRequest('tool_choice.name: Field required.');
  const tool: unknown = Array.isArray(tools)
    ? tools.find((item) => isObject(item) && item['name'] === name && item['type'] === undefined)
    : undefined;
  if (!isObject(tool) || !isObject(tool['input_schema']))
    throw badRequest(`tool_choice: the tool '${name}' is not among the custom tools of the request.`);
  return { name, inputSchema: tool['input_schema'] };
}

interface RequestMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string | readonly unknown[];
}

function readMessages(value: unknown): RequestMessage[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest('messages: Field required, at least one message.');
  return value.map((message, index) => {
    if (!isObject(message)) throw badRequest(`messages.${index}: must be an object.`);
    const { role, content } = message;
    if (role !== 'user' && role !== 'assistant') throw badRequest(`messages.${index}.role: Input should be 'user' or 'assistant'.`);
    if (typeof content !== 'string' && !Array.isArray(content)) throw badRequest(`messages.${index}.content: Field required.`);
    if (index === 0 && role !== 'user') throw badRequest('messages: The first message must use the "user" role.');
    return { role, content };
  });
}

/** The request's blocks in the order the service caches them: tools, system, then each message's content blocks. */
function promptSegments(tools: unknown, system: unknown, messages: readonly RequestMessage[]): PromptSegment[] {
  const blocks: unknown[] = [];
  if (Array.isArray(tools)) blocks.push(...tools.map((tool: unknown) => ({ tool })));
  if (typeof system === 'string' && system !== '') blocks.push({ system });
  else if (Array.isArray(system)) blocks.push(...system.map((block: unknown) => ({ system: block })));
  for (const { role, content } of messages) {
    if (typeof content === 'string') blocks.push({ role, content });
    else blocks.push(...content.map((block) => ({ role, content: block })));
  }
  return blocks.map((block) => {
    let breakpoint = false;
    const json = JSON.stringify(block, (key, value: unknown) => {
      if (key !== 'cache_control') return value;
      breakpoint = isObject(value) && value['type'] === 'ephemeral';
      return undefined;
    });
    return { json, tokens: Math.ceil(json.length / 4), breakpoint };
  });
}

function readSkills(container: unknown): RequestedSkill[] {
  if (container === undefined || container === null) return [];
  if (!isObject(container)) throw badRequest('container: must be an object with id and/or skills.');
  const skills = container['skills'];
  if (skills === undefined || skills === null) return [];
  if (!Array.isArray(skills)) throw badRequest('container.skills: must be a list.');
  if (skills.length > MAX_SKILLS_PER_REQUEST) {
    throw badRequest(`container.skills: at most ${MAX_SKILLS_PER_REQUEST} skills can be used in one request; ${skills.length} were given.`);
  }
  const seen = new Set<string>();
  return skills.map((skill, index) => {
    if (!isObject(skill)) throw badRequest(`container.skills.${index}: must be an object.`);
    const { type, skill_id: skillId, version } = skill;
    if (type !== 'anthropic' && type !== 'custom')
      throw badRequest(`container.skills.${index}.type: Input should be 'anthropic' or 'custom'.`);
    if (typeof skillId !== 'string' || skillId === '') throw badRequest(`container.skills.${index}.skill_id: Field required.`);
    if (version !== undefined && version !== null && typeof version !== 'string')
      throw badRequest(`container.skills.${index}.version: must be a string.`);
    if (seen.has(skillId)) throw badRequest(`container.skills: skill ${skillId} is listed more than once.`);
    seen.add(skillId);
    return { type, skillId, version: version || 'latest' };
  });
}

function hasCodeExecution(tools: unknown): boolean {
  return Array.isArray(tools) && tools.some((tool) => isObject(tool) && CODE_EXECUTION_TOOLS.has(String(tool['type'])));
}

function textOf(content: string | readonly unknown[]): string {
  if (typeof content === 'string') return content;
  return content
    .flatMap((block) => (isObject(block) && block['type'] === 'text' && typeof block['text'] === 'string' ? [block['text']] : []))
    .join('\n');
}

function uploadsOf(content: string | readonly unknown[]): string[] {
  if (typeof content === 'string') return [];
  return content.flatMap((block, index) => {
    if (!isObject(block) || block['type'] !== 'container_upload') return [];
    const fileId = block['file_id'];
    if (typeof fileId !== 'string' || fileId === '') throw badRequest(`content.${index}.file_id: Field required.`);
    return [fileId];
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
