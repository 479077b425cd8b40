import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, notFound, tooLarge } from './apiError';
import type { ChatState, EmulatedContainer, ResolvedContainerSkill } from './chatState';
import { readBody, sendJson } from './http';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './jsonDepth';
import { randomKey, gaVersionId } from './ids';
import { readMessageRequest, type MessageRequest, type RequestedSkill } from './messageRequest';
import type { StoredSkill, StoredVersion } from './model';
import { scriptedReply, type ContainerSkill } from './scriptedModel';
import type { Json } from './shapes';
import { countEvents, messageEvents, wholeBlocks, writeEventStream, type StreamFault } from './sse';
import type { SkillStore } from './store';

/** The largest Messages request body the emulator reads. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** What `POST /v1/messages` needs. */
export interface MessagesContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly store: SkillStore;
  readonly chat: ChatState;
  /** The request carries `anthropic-beta: skills-2025-10-02`: versions are named by their beta labels. */
  readonly beta: boolean;
  readonly requestId: string;
  /** An injected fault for this request's stream. */
  readonly streamFault?: StreamFault;
}

/** `POST /v1/messages` (GA, and the beta form at `?beta=true`): the scripted model's answer, whole or streamed. */
export async function handleMessages(ctx: MessagesContext): Promise<void> {
  const raw = await readBody(ctx.req, MAX_REQUEST_BYTES);
  if (raw === null) throw tooLarge(`The request is larger than ${MAX_REQUEST_BYTES} bytes.`);
  const request = readMessageRequest(parseJson(raw));
  const skills = request.skills.map((skill) => resolveSkill(ctx.store, skill, ctx.beta));
  for (const fileId of request.uploads) {
    if (!ctx.chat.findFile(fileId)) throw badRequest(`container_upload: file ${fileId} not found; upload it through the Files API first.`);
  }
  const container = openContainer(ctx.chat, request.containerId);
  container.skills = skills.map((skill): ResolvedContainerSkill => ({ type: skill.type, skill_id: skill.skillId, version: skill.version }));
  const reply = scriptedReply(request, skills, container, ctx.chat);
  const usage = usageOf(ctx.chat, request, skills);
  const containerJson = { id: container.id, expires_at: container.expiresAt, skills: container.skills };
  const id = `msg_${randomKey()}`;
  if (!request.stream) {
    return sendJson(
      ctx.res,
      200,
      {
        id,
        type: 'message',
        role: 'assistant',
        model: request.model,
        content: wholeBlocks(reply.blocks),
        stop_reason: reply.stopReason,
        stop_sequence: null,
        usage: { ...usage, output_tokens: reply.outputTokens },
        container: containerJson,
      },
      ctx.requestId,
    );
  }
  const start = {
    id,
    type: 'message',
    role: 'assistant',
    model: request.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { ...usage, output_tokens: 1 },
  };
  const delta = {
    type: 'message_delta',
    delta: { stop_reason: reply.stopReason, stop_sequence: null, container: containerJson },
    usage: { ...usage, output_tokens: reply.outputTokens },
  };
  await writeEventStream(
    ctx.res,
    messageEvents({ start, blocks: reply.blocks, delta }),
    countEvents(reply.blocks),
    ctx.requestId,
    ctx.streamFault,
  );
}

/** A skill of the request, found in the store and read (its SKILL.md and file list). */
function resolveSkill(
  store: SkillStore,
  requested: RequestedSkill,
  beta: boolean,
): ContainerSkill & { readonly type: 'anthropic' | 'custom' } {
  const skill = findSkill(store, requested);
  const version = store.findVersion(skill, requested.version);
  const prefix = `${version.directory}/`;
  const skillMd = version.files.find((file) => file.path === `${prefix}SKILL.md`);
  return {
    type: requested.type,
    skillId: requested.skillId,
    name: version.name,
    description: version.description,
    directory: version.directory,
    version: resolvedVersion(skill, version, beta),
    skillMd: skillMd ? new TextDecoder().decode(skillMd.data) : '',
    files: version.files.map((file) => file.path.slice(prefix.length)),
  };
}

/** Custom skills by id; Anthropic skills by id or by their short name (`xlsx`), as the service names them. */
function findSkill(store: SkillStore, requested: RequestedSkill): StoredSkill {
  const candidates = store.list(requested.type);
  const skill = candidates.find(
    (candidate) => candidate.id === requested.skillId || (requested.type === 'anthropic' && candidate.name === requested.skillId),
  );
  if (!skill) throw notFound(`container.skills: ${requested.type} skill ${requested.skillId} not found.`);
  return skill;
}

/** The version as the response's `container.skills` names it: a `skver_…` id (GA custom) or the version label. */
function resolvedVersion(skill: StoredSkill, version: StoredVersion, beta: boolean): string {
  return skill.source === 'custom' && !beta ? gaVersionId(version.key) : version.label;
}

function openContainer(chat: ChatState, id: string | null): EmulatedContainer {
  if (id === null) return chat.createContainer();
  const container = chat.findContainer(id);
  if (!container) throw notFound(`container: ${id} not found.`);
  if (Date.parse(container.expiresAt) <= Date.now())
    throw badRequest(`container: ${id} has expired; send the request without a container id to start a new one.`);
  return container;
}

/**
 * The input tokens of the request (the skills' names and descriptions, which the service adds to the prompt,
 * then its own blocks), split into what the prompt cache read, what it wrote at the request's breakpoints, and
 * the rest. The cache is per model and skill set.
 */
function usageOf(chat: ChatState, request: MessageRequest, skills: readonly ContainerSkill[]): Json {
  const metadata = JSON.stringify(skills.map((skill) => [skill.name, skill.description]));
  const skillsSegment = { json: metadata, tokens: Math.ceil(metadata.length / 4), breakpoint: false };
  const scope = JSON.stringify([request.model, skills.map((skill) => [skill.skillId, skill.version])]);
  return { ...chat.promptCache.use(scope, [skillsSegment, ...request.segments]) };
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw badRequest(`The request body nests more than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels deep.`);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}
