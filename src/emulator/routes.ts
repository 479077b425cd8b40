import type { IncomingMessage, ServerResponse } from 'node:http';
import JSZip from 'jszip';
import { badRequest, notFound, tooLarge } from './apiError';
import { readBody, sendJson } from './http';
import type { StoredSkill, StoredVersion } from './model';
import { skillKey, sortNewestFirst, versionKey } from './order';
import { paginate } from './pagination';
import { skillJson, versionIdIn, versionJson } from './shapes';
import type { SkillStore } from './store';
import { checkDisplayName, checkUpload, MAX_UPLOAD_BYTES, parseUpload, type Upload } from './upload';

/** What a route needs to answer one request. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly store: SkillStore;
  readonly url: URL;
  /** The request asked for the beta shape (`anthropic-beta: skills-2025-10-02`). */
  readonly beta: boolean;
  readonly requestId: string;
}

const SKILL_PAGES = { defaultLimit: 20, maxLimit: 100 };
const VERSION_PAGES = { defaultLimit: 20, maxLimit: 1000 };

/** Room for multipart framing on top of the 30 MB of files. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/** Which resource a `/v1/skills…` path names, or null when it names none. */
type Resource = 'skills' | 'skill' | 'versions' | 'version' | 'content';

function resourceOf(segments: readonly string[]): Resource | null {
  const [v1, skills, , versions, , content] = segments;
  if (v1 !== 'v1' || skills !== 'skills') return null;
  if (segments.length <= 3) return segments.length === 2 ? 'skills' : 'skill';
  if (versions !== 'versions' || segments.length > 6) return null;
  if (segments.length === 6) return content === 'content' ? 'content' : null;
  return segments.length === 4 ? 'versions' : 'version';
}

/** Answers a `/v1/skills…` request; throws `EmulatorApiError` for the service's error answers. */
export async function handleSkillsApi(ctx: RouteContext): Promise<void> {
  const segments = ctx.url.pathname.split('/').filter(Boolean).map(decodeSegment);
  const [, , skillId = '', , ref = ''] = segments;
  const method = ctx.req.method ?? 'GET';
  switch (`${method} ${resourceOf(segments)}`) {
    case 'GET skills':
      return listSkills(ctx);
    case 'POST skills':
      return createSkill(ctx);
    case 'GET skill':
      return reply(ctx, skillJson(ctx.store.find(skillId), ctx.beta));
    case 'DELETE skill':
      ctx.store.deleteSkill(ctx.store.find(skillId));
      return reply(ctx, { id: skillId, type: 'skill_deleted' });
    case 'GET versions':
      return listVersions(ctx, ctx.store.find(skillId));
    case 'POST versions':
      return createVersion(ctx, ctx.store.find(skillId));
    case 'GET version': {
      const skill = ctx.store.find(skillId);
      return reply(ctx, versionJson(skill, ctx.store.findVersion(skill, ref), ctx.beta));
    }
    case 'DELETE version': {
      const deleted = ctx.store.deleteVersion(ctx.store.find(skillId), ref);
      return reply(ctx, { id: versionIdIn(deleted, ctx.beta), type: 'skill_version_deleted' });
    }
    case 'GET content':
      return downloadVersion(ctx, ctx.store.find(skillId), ref);
  }
  throw notFound(`No route for ${method} ${ctx.url.pathname}.`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`"${segment}" is not a valid URL path segment.`);
  }
}

function reply(ctx: RouteContext, body: unknown): void {
  sendJson(ctx.res, 200, body, ctx.requestId);
}

function listSkills(ctx: RouteContext): void {
  const skills = ctx.store.list(ctx.url.searchParams.get('source') ?? undefined);
  const page = paginate(skills, skillKey, ctx.url.searchParams, SKILL_PAGES);
  reply(ctx, { ...page, data: page.data.map((skill) => skillJson(skill, ctx.beta)) });
}

function listVersions(ctx: RouteContext, skill: StoredSkill): void {
  const page = paginate(sortNewestFirst(skill.versions, versionKey), versionKey, ctx.url.searchParams, VERSION_PAGES);
  reply(ctx, { ...page, data: page.data.map((version) => versionJson(skill, version, ctx.beta)) });
}

async function readUpload(ctx: RouteContext): Promise<Upload> {
  const body = await readBody(ctx.req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
  if (body === null) throw tooLarge(`The upload is larger than the ${MAX_UPLOAD_BYTES} byte (30 MB) limit.`);
  return parseUpload(body, ctx.req.headers['content-type']);
}

async function createSkill(ctx: RouteContext): Promise<void> {
  const upload = await readUpload(ctx);
  checkDisplayName(upload.displayName);
  const skill = ctx.store.createSkill(checkUpload(upload.files), upload.displayName || undefined);
  reply(ctx, skillJson(skill, ctx.beta));
}

async function createVersion(ctx: RouteContext, skill: StoredSkill): Promise<void> {
  const upload = await readUpload(ctx);
  if (upload.displayName !== undefined) throw badRequest('display_name is not accepted when creating a version.');
  const version = ctx.store.addVersion(skill, checkUpload(upload.files));
  reply(ctx, versionJson(skill, version, ctx.beta));
}

/** Each version's zip, made on its first download: a version never changes, and the service serves a stored archive. */
const versionZips = new WeakMap<StoredVersion, Promise<Buffer>>();

function zipOf(version: StoredVersion): Promise<Buffer> {
  let zipped = versionZips.get(version);
  if (!zipped) {
    const zip = new JSZip();
    for (const file of version.files) zip.file(file.path, file.data);
    zipped = zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    versionZips.set(version, zipped);
    zipped.catch(() => versionZips.delete(version));
  }
  return zipped;
}

async function downloadVersion(ctx: RouteContext, skill: StoredSkill, ref: string): Promise<void> {
  const version = ctx.store.findVersion(skill, ref);
  const bytes = await zipOf(version);
  ctx.res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': bytes.length,
    'content-disposition': `attachment; filename="${version.directory}.zip"`,
    'request-id': ctx.requestId,
  });
  ctx.res.end(bytes);
}
