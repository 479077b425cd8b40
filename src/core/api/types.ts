/** The Skills API as Skillsmith sees it: one model for both wire shapes, and the client's contract. */

/** Where a skill comes from: `custom` (yours), `anthropic` (read-only), or another source the service names. */
export type SkillSource = 'custom' | 'anthropic' | (string & {});

/** A skill, normalised from either the GA or the beta wire shape. */
export interface Skill {
  readonly id: string;
  /** `display_name` (GA) or `display_title` (beta); null when the service has none. */
  readonly title: string | null;
  readonly source: SkillSource;
  /** `latest_version_id` (GA) or `latest_version` (beta). */
  readonly latestVersion: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A version of a skill, normalised from either wire shape. */
export interface SkillVersion {
  /** `skver_…` (GA) or `skillver_…` (beta). */
  readonly id: string;
  /** What URLs address the version by: the `id` in the GA shape, the `version` label in the beta shape. */
  readonly ref: string;
  /** The epoch-timestamp label (beta), or null in the GA shape. */
  readonly version: string | null;
  readonly skillId: string;
  /** The `name` from the version's SKILL.md frontmatter. */
  readonly name: string;
  readonly description: string;
  /** The top-level folder of the upload (beta), or null. */
  readonly directory: string | null;
  readonly createdAt: string;
}

/** One page of a cursor-paginated list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** The cursor of the next page, or null on the last page. */
  readonly nextPage: string | null;
}

/** Options of a list call. */
export interface ListOptions {
  readonly limit?: number;
  readonly page?: string | null;
  readonly signal?: AbortSignal;
}

/** A file to upload: `path` is relative and starts with the skill's one top-level folder. */
export interface UploadFile {
  readonly path: string;
  readonly data: Uint8Array;
}

/** What went wrong, in terms a person can act on. */
export type ApiErrorKind =
  | 'no-key'
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'bad-request'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'server'
  | 'overloaded'
  | 'offline'
  | 'timeout'
  | 'cancelled'
  | 'unknown';

/** A body slower than `minBytes` in any `windowMs` counts as stalled. */
export interface StallRule {
  readonly windowMs: number;
  readonly minBytes: number;
}

/** Settings a client is made from. */
export interface ClientOptions {
  /** The API key; when missing, every call fails with kind `no-key`. */
  readonly apiKey: string | undefined;
  /** Empty or undefined: the SDK's default. */
  readonly baseUrl?: string;
  /** Sent as `anthropic-workspace-id`. */
  readonly workspaceId?: string;
  /** Speak the older beta shape (`anthropic-beta: skills-2025-10-02`) instead of the GA shape. */
  readonly betaShape?: boolean;
  readonly maxRetries?: number;
  /** How long the service may take to send a response's headers. */
  readonly timeoutMs?: number;
  /** When a download's body counts as stalled and is stopped (default `DEFAULT_STALL`: under 16 KiB in 30 s). */
  readonly stall?: StallRule;
  /** Receives one line per request: method, path, status, request id, milliseconds. Never a key. */
  readonly log?: (line: string) => void;
}

/** The Skills API, over `@anthropic-ai/sdk`. Every method rejects with `SkillsApiError` only. */
export interface SkillsClient {
  listSkills(options?: ListOptions & { readonly source?: SkillSource }): Promise<Page<Skill>>;
  iterateSkills(options?: ListOptions & { readonly source?: SkillSource }): AsyncIterable<Skill>;
  getSkill(skillId: string, signal?: AbortSignal): Promise<Skill>;
  createSkill(files: readonly UploadFile[], displayName?: string, signal?: AbortSignal): Promise<Skill>;
  deleteSkill(skillId: string, signal?: AbortSignal): Promise<void>;
  listVersions(skillId: string, options?: ListOptions): Promise<Page<SkillVersion>>;
  iterateVersions(skillId: string, options?: ListOptions): AsyncIterable<SkillVersion>;
  /** `ref` may be `latest`. */
  getVersion(skillId: string, ref: string, signal?: AbortSignal): Promise<SkillVersion>;
  createVersion(skillId: string, files: readonly UploadFile[], signal?: AbortSignal): Promise<SkillVersion>;
  deleteVersion(skillId: string, ref: string, signal?: AbortSignal): Promise<void>;
  /**
   * The version's files as zip bytes, read as they arrive: more than `MAX_VERSION_DOWNLOAD_BYTES` rejects with
   * `too-large`, a stalled body with `timeout`, `signal` cancels while the body is still arriving.
   */
  downloadVersion(skillId: string, ref: string, signal?: AbortSignal): Promise<Uint8Array>;
}
