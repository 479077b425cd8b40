import type Anthropic from '@anthropic-ai/sdk';
import { toFile } from '@anthropic-ai/sdk';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../bundle/uploadChecks';
import { DEFAULT_ZIP_LIMITS } from '../zip/readZip';
import { readBoundedBody } from './boundedBody';
import { createSdk } from './createSdk';
import { noKeyError, SkillsApiError, toSkillsApiError } from './errors';
import { normaliseSkill, normaliseVersion } from './normalize';
import { iteratePages } from './pagination';
import type { ClientOptions, ListOptions, Page, Skill, SkillSource, SkillsClient, SkillVersion, StallRule, UploadFile } from './types';

/** The beta that makes the service answer in the older beta shape. */
const SKILLS_BETA = 'skills-2025-10-02';

/**
 * The largest version zip read: the service's upload limit plus room for the zip's own headers (1 KiB for each
 * of the most entries the zip reader takes). Nothing the service can hold is larger.
 */
export const MAX_VERSION_DOWNLOAD_BYTES = DEFAULT_UPLOAD_LIMIT_BYTES + DEFAULT_ZIP_LIMITS.maxEntries * 1024;

/** Options of a skills list. */
type SkillListOptions = ListOptions & { readonly source?: SkillSource };

/** Makes a `SkillsClient` over `@anthropic-ai/sdk`. Without a key every call rejects with kind `no-key`. */
export function createSkillsClient(options: ClientOptions): SkillsClient {
  return new SdkSkillsClient(options);
}

class SdkSkillsClient implements SkillsClient {
  private readonly sdk: Anthropic | null;
  private readonly betas: string[] | undefined;
  private readonly stall: StallRule | undefined;

  constructor(options: ClientOptions) {
    this.betas = options.betaShape ? [SKILLS_BETA] : undefined;
    this.stall = options.stall;
    this.sdk = createSdk(options);
  }

  listSkills(options: SkillListOptions = {}): Promise<Page<Skill>> {
    return this.call(async (sdk) => {
      const { limit, page, source, signal } = options;
      const result = await sdk.beta.skills.list({ limit, page: page ?? undefined, source, betas: this.betas }, { signal });
      return { items: readAll(result.data, (raw) => normaliseSkill(raw)), nextPage: result.next_page ?? null };
    });
  }

  iterateSkills(options: SkillListOptions = {}): AsyncIterable<Skill> {
    return iteratePages((page) => this.listSkills({ ...options, page }), options.page ?? null);
  }

  getSkill(skillId: string, signal?: AbortSignal): Promise<Skill> {
    return this.call(async (sdk) => readOne(normaliseSkill(await sdk.beta.skills.retrieve(skillId, { betas: this.betas }, { signal }))));
  }

  createSkill(files: readonly UploadFile[], displayName?: string, signal?: AbortSignal): Promise<Skill> {
    return this.call(async (sdk) => {
      const body = { files: await toUploadables(files), display_name: displayName, betas: this.betas };
      return readOne(normaliseSkill(await sdk.beta.skills.create(body, { signal })));
    });
  }

  deleteSkill(skillId: string, signal?: AbortSignal): Promise<void> {
    return this.call(async (sdk) => {
      await sdk.beta.skills.delete(skillId, { betas: this.betas }, { signal });
    });
  }

  listVersions(skillId: string, options: ListOptions = {}): Promise<Page<SkillVersion>> {
    return this.call(async (sdk) => {
      const { limit, page, signal } = options;
      const result = await sdk.beta.skills.versions.list(skillId, { limit, page: page ?? undefined, betas: this.betas }, { signal });
      return { items: readAll(result.data, (raw) => normaliseVersion(raw, skillId)), nextPage: result.next_page ?? null };
    });
  }

  iterateVersions(skillId: string, options: ListOptions = {}): AsyncIterable<SkillVersion> {
    return iteratePages((page) => this.listVersions(skillId, { ...options, page }), options.page ?? null);
  }

  getVersion(skillId: string, ref: string, signal?: AbortSignal): Promise<SkillVersion> {
    return this.call(async (sdk) => {
      const raw = await sdk.beta.skills.versions.retrieve(ref, { skill_id: skillId, betas: this.betas }, { signal });
      return readOne(normaliseVersion(raw, skillId));
    });
  }

  createVersion(skillId: string, files: readonly UploadFile[], signal?: AbortSignal): Promise<SkillVersion> {
    return this.call(async (sdk) => {
      const raw = await sdk.beta.skills.versions.create(skillId, { files: await toUploadables(files), betas: this.betas }, { signal });
      return readOne(normaliseVersion(raw, skillId));
    });
  }

  deleteVersion(skillId: string, ref: string, signal?: AbortSignal): Promise<void> {
    return this.call(async (sdk) => {
      await sdk.beta.skills.versions.delete(ref, { skill_id: skillId, betas: this.betas }, { signal });
    });
  }

  downloadVersion(skillId: string, ref: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.call(async (sdk) => {
      const response = await sdk.beta.skills.versions.download(ref, { skill_id: skillId, betas: this.betas }, { signal });
      return readBoundedBody(response, {
        maxBytes: MAX_VERSION_DOWNLOAD_BYTES,
        stall: this.stall,
        signal,
        what: 'the skill version',
        capReason: 'No skill version is that large: check that the API base URL points at the Claude API.',
      });
    });
  }

  /** Runs one SDK call, turning every failure into a `SkillsApiError`. */
  private async call<T>(run: (sdk: Anthropic) => Promise<T>): Promise<T> {
    if (!this.sdk) throw noKeyError();
    try {
      return await run(this.sdk);
    } catch (error) {
      throw toSkillsApiError(error);
    }
  }
}

function toUploadables(files: readonly UploadFile[]): Promise<File[]> {
  return Promise.all(files.map((file) => toFile(file.data, file.path)));
}

function readAll<T>(items: readonly unknown[] | undefined, read: (raw: unknown) => T | null): T[] {
  return (items ?? []).map(read).filter((item): item is T => item !== null);
}

function readOne<T>(item: T | null): T {
  if (item === null)
    throw new SkillsApiError(
      'unknown',
      'The Skills API sent an answer Skillsmith cannot read. Check that the API base URL points at the Claude API.',
    );
  return item;
}
