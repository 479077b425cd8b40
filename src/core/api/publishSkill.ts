/** Publishing a file set: a new skill or a new version of one, with refusals that name the lint rule. */
import { hashFileSet } from '../bundle/hashFileSet';
import { fileSetBytes, toFolderFiles, type FileSet } from '../bundle/fileSet';
import type { RuleId } from '../skill/types';
import { SkillsApiError, toSkillsApiError } from './errors';
import type { SkillsClient } from './types';

/** Where a publish goes: a new version of `skillId`, or a new skill (its display name defaults to the frontmatter name). */
export type PublishTarget = { readonly skillId: string } | { readonly newSkill: true; readonly displayName?: string };

/** Options of `publishSkill`. */
export type PublishOptions = PublishTarget & { readonly signal?: AbortSignal };

/** What a publish made. */
export interface PublishResult {
  readonly skillId: string;
  /** The new version as URLs address it (`skver_…` in the GA shape, the epoch label in the beta shape). */
  readonly version: string;
  /** Whether a new skill was created (false: a version was added). */
  readonly created: boolean;
  readonly files: number;
  readonly bytes: number;
  /** `hashFileSet` of what was sent: compare it with the folder's later to tell whether it changed. */
  readonly hash: string;
}

/** A refused publish: the service's words and request id, and the lint rule that covers the refusal, if one does. */
export class PublishRefusedError extends SkillsApiError {
  constructor(
    cause: SkillsApiError,
    /** The lint rule that checks for this before publishing. */
    readonly rule: RuleId | undefined,
  ) {
    super(
      cause.kind,
      rule ? `${cause.message} Lint rule ${rule} checks this before publishing.` : cause.message,
      cause.status,
      cause.requestId,
      cause.retryAfterSeconds,
    );
  }
}

/**
 * Uploads `files` (under their one top-level folder) as a new skill or a new version. Rejects with
 * `PublishRefusedError` when the service refuses the upload (400, 413, 422), and `SkillsApiError` otherwise.
 */
export async function publishSkill(client: SkillsClient, files: FileSet, options: PublishOptions): Promise<PublishResult> {
  const upload = toFolderFiles(files);
  const summary = { files: upload.length, bytes: fileSetBytes(files), hash: hashFileSet(files) };
  try {
    if ('skillId' in options) {
      const version = await client.createVersion(options.skillId, upload, options.signal);
      return { skillId: options.skillId, version: version.ref, created: false, ...summary };
    }
    const skill = await client.createSkill(upload, options.displayName, options.signal);
    if (!skill.latestVersion)
      throw new SkillsApiError('unknown', `The Skills API created skill ${skill.id} but named no version of it. Refresh the skills list.`);
    return { skillId: skill.id, version: skill.latestVersion, created: true, ...summary };
  } catch (error) {
    const apiError = toSkillsApiError(error);
    if (apiError.kind === 'bad-request' || apiError.kind === 'too-large') throw new PublishRefusedError(apiError, ruleOfRefusal(apiError));
    throw apiError;
  }
}

/** What the service says when it refuses an upload, and the lint rule that catches the same thing first. */
const REFUSALS: readonly (readonly [RegExp, RuleId])[] = [
  [/display_name/i, 'display-name-too-long'],
  [/SKILL\.md must be at the root|no SKILL\.md|SKILL\.md (is )?(missing|not found)/i, 'skill-md-missing'],
  [/must start with YAML frontmatter|frontmatter is missing/i, 'frontmatter-missing'],
  [/frontmatter is not closed/i, 'frontmatter-unclosed'],
  [/not valid YAML|SKILL\.md line \d+:/i, 'yaml-syntax'],
  [/frontmatter must be a mapping/i, 'frontmatter-not-mapping'],
  [/unexpected key|unknown key/i, 'unknown-key'],
  [/must have a name|name is required/i, 'name-missing'],
  [/\bname must be a string/i, 'name-type'],
  [/\bname must be at most|\bname is too long/i, 'name-too-long'],
  [/\bname\b.*\bmay contain only|\bname must (only )?contain only/i, 'name-format'],
  [/reserved word/i, 'name-reserved'],
  [/must have a (non-empty )?description|description is required/i, 'description-missing'],
  [/description must be a string/i, 'description-type'],
  [/description must not be empty/i, 'description-empty'],
  [/description must be at most|description is too long/i, 'description-too-long'],
  [/XML tags?/i, 'description-xml'],
  [/compatibility must/i, 'compatibility-invalid'],
  [/metadata must be a mapping/i, 'metadata-invalid'],
];

/** The rule that covers a refusal: 413 is always the size budget; a 400 or 422 is read from the service's message. */
function ruleOfRefusal(error: SkillsApiError): RuleId | undefined {
  if (error.kind === 'too-large') return 'upload-too-large';
  return REFUSALS.find(([pattern]) => pattern.test(error.message))?.[1];
}
