/** `skillsmith publish`: a skill folder as a new skill or a new version, after the claude-api lint gate. */
import type { PublishResult, PublishTarget } from '../core/api/publishSkill';
import type { SkillsClient, SkillVersion } from '../core/api/types';
import { versionOrdinals, versionTag } from '../core/api/versionLabel';
import type { SkillsApiError } from '../core/api/errors';
import { prepareUpload, readPreparedFiles, type PreparedUpload } from '../core/bundle/prepareUpload';
import { checkDisplayName, formatBytes } from '../core/bundle/uploadChecks';
import { countOf } from '../core/text/count';
import { noKeyText } from './apiKey';
import { loadApiModule } from '../core/api/loadApiModule';
import { terminalOutput } from './terminalText';
import { messageOf } from '../core/messageOf';
import { commandArgs, runWithArgs, UsageError, type OptionValues, type ParsedArgs } from './args';
import { publishFromVersion, type FromVersionRequest } from './publishFromVersion';
import { checksReport, checksText, fileListJson, fileListText } from './uploadReport';
import {
  API_OPTIONS,
  API_OPTIONS_HELP,
  clientOptionsOf,
  onePath,
  UPLOAD_OPTIONS,
  UPLOAD_OPTIONS_HELP,
  uploadOptionsOf,
  type FolderRequest,
} from './uploadArgs';

const HELP = `Usage: skillsmith publish PATH (--skill-id ID | --new [--display-name T]) [--dry-run] [--format text|json]
       skillsmith publish --from-version V --skill-id ID [--dry-run] [--format text|json]

Uploads the skill folder PATH as a new version of skill ID, or as a new skill. The folder is linted
with the claude-api profile first: errors stop the upload, warnings are shown. Only the files an
upload should carry are sent (default excludes, .skillignore, no links, no secrets); nothing local
is changed.
With --from-version, restores version V of skill ID as its latest: prints which files change against
the latest version, then publishes a new version with exactly V's files (nothing when they are the same).
  --skill-id ID         add a version to this skill
  --new                 create a new skill
  --display-name T      the new skill's display name (default: its SKILL.md name)
  --from-version V      the version to restore instead of a folder: its id or its label (v3)
  --dry-run             print the file list and the checks (or the changes); upload nothing
  --format text|json    json: {"skill_id","version","files","bytes"} (and "restored_from",
                        "replaced", "added", "removed", "changed" with --from-version)
${UPLOAD_OPTIONS_HELP}
${API_OPTIONS_HELP}

Exit status: 0 published, 1 lint errors or a refused upload, 2 usage error.`;

const stdout = terminalOutput(process.stdout);
const stderr = terminalOutput(process.stderr);

const OPTIONS = {
  ...UPLOAD_OPTIONS,
  ...API_OPTIONS,
  'skill-id': { type: 'string' },
  new: { type: 'boolean' },
  'display-name': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'from-version': { type: 'string' },
} as const;

/** What `skillsmith publish` was asked to do. */
interface PublishRequest extends FolderRequest<OptionValues<typeof OPTIONS, 'text' | 'json'>> {
  readonly target: PublishTarget | undefined;
  readonly dryRun: boolean;
  /** Set with --from-version: restore a version instead of uploading a folder. */
  readonly fromVersion?: FromVersionRequest;
}

const PUBLISH_ARGS = commandArgs({ name: 'publish', usage: HELP, options: OPTIONS, formats: ['text', 'json'], read: readRequest });

/** Runs `skillsmith publish`; returns the exit code. */
export function runPublishCommand(args: string[]): Promise<number> {
  return runWithArgs(PUBLISH_ARGS, args, (request) =>
    request.fromVersion ? publishFromVersion(request.fromVersion, clientOptionsOf(request.values, process.env)) : publish(request),
  );
}

async function publish(request: PublishRequest): Promise<number> {
  const client = clientOptionsOf(request.values, process.env);
  if (!request.dryRun && !client.apiKey) {
    process.stderr.write(noKeyText('publish'));
    return 2;
  }
  let prepared: PreparedUpload;
  try {
    prepared = await prepareUpload(request.dir, uploadOptionsOf(request.values));
  } catch (error) {
    return usage(`${request.dir} cannot be read: ${messageOf(error)}`);
  }
  const displayName = request.target && 'newSkill' in request.target ? request.target.displayName : undefined;
  const nameProblem = displayName === undefined ? undefined : checkDisplayName(displayName, 'claude-api');
  const checked = nameProblem
    ? { ...prepared, diagnostics: [...prepared.diagnostics, nameProblem], errors: [...prepared.errors, nameProblem] }
    : prepared;
  if (request.dryRun) return dryRun(checked, request);
  if (!request.json) stderr.formatted(checksText(checked, process.cwd(), process.stderr));
  if (checked.errors.length > 0) return failed(request, 'Fix the lint errors first; nothing was uploaded.', checked);
  if (!request.target) return usage('Choose --skill-id ID or --new.');
  const api = loadApiModule();
  try {
    const files = readPreparedFiles(prepared);
    const skills = api.createSkillsClient(client);
    const result = await api.publishSkill(skills, files, request.target);
    if (request.json) {
      stdout.json({ skill_id: result.skillId, version: result.version, files: result.files, bytes: result.bytes });
    } else {
      const tag = await tagOf(skills, result);
      const version = `${tag ? `${tag}, ` : ''}version ${result.version} (${countOf(result.files, 'file')}, ${formatBytes(result.bytes)})`;
      const what = result.created
        ? `Created skill ${result.skillId} from ${prepared.folderName}`
        : `Published ${prepared.folderName} to skill ${result.skillId}`;
      stdout.text(`${what}: ${version}.\n`);
    }
    return 0;
  } catch (error) {
    return failed(request, describeFailure(error, api.SkillsApiError), undefined, error);
  }
}

/** The new version's short label ("v4"): v1 for a new skill, else its ordinal among the skill's versions; none when they cannot be listed. */
async function tagOf(client: SkillsClient, result: PublishResult): Promise<string | undefined> {
  if (result.created) return versionTag(1);
  try {
    const versions: SkillVersion[] = [];
    for await (const version of client.iterateVersions(result.skillId, { limit: 100 })) versions.push(version);
    const published = versions.find((version) => version.ref === result.version);
    const ordinal = published && versionOrdinals(versions).get(published.id);
    return ordinal === undefined ? undefined : versionTag(ordinal);
  } catch {
    return undefined;
  }
}

function readRequest({ values, positionals, format }: ParsedArgs<typeof OPTIONS, 'text' | 'json'>): PublishRequest {
  if (values['from-version'] !== undefined) return readFromVersionRequest(values, positionals, format);
  const dir = onePath(positionals);
  if (values['skill-id'] !== undefined && values.new) throw new UsageError('Choose either --skill-id ID or --new, not both.');
  if (values['display-name'] !== undefined && !values.new) throw new UsageError('--display-name names a new skill: use it with --new.');
  if (values['skill-id'] === '') throw new UsageError('--skill-id needs a skill id.');
  const dryRun = values['dry-run'] ?? false;
  if (!dryRun && values['skill-id'] === undefined && !values.new)
    throw new UsageError('Choose --skill-id ID (a new version) or --new (a new skill).');
  const target: PublishTarget | undefined =
    values['skill-id'] !== undefined
      ? { skillId: values['skill-id'] }
      : values.new
        ? { newSkill: true, displayName: values['display-name'] }
        : undefined;
  return { dir, target, dryRun, json: format === 'json', values };
}

/** A `--from-version V --skill-id ID` request: no folder, no new skill, no upload options. */
function readFromVersionRequest(values: PublishRequest['values'], positionals: readonly string[], format: 'text' | 'json'): PublishRequest {
  const version = values['from-version'] ?? '';
  if (version === '') throw new UsageError('--from-version needs a version: its id or its label (v3).');
  if (positionals.length > 0) throw new UsageError("--from-version publishes a version's files, not a folder: leave out the PATH.");
  if (values.new || values['display-name'] !== undefined)
    throw new UsageError('--from-version adds a version to an existing skill: use --skill-id ID, not --new.');
  if (values['allow-secret'] !== undefined || values['upload-limit-mb'] !== undefined)
    throw new UsageError('--allow-secret and --upload-limit-mb apply to a folder, not to --from-version.');
  const skillId = values['skill-id'] ?? '';
  if (skillId === '') throw new UsageError('--from-version needs the skill: add --skill-id ID.');
  const json = format === 'json';
  const dryRun = values['dry-run'] ?? false;
  return { dir: '', target: { skillId }, dryRun, json, values, fromVersion: { skillId, version, dryRun, json } };
}

/** `--dry-run`: the file list and the checks, nothing sent; exit 1 when the checks have errors. */
function dryRun(prepared: PreparedUpload, request: PublishRequest): number {
  const blocked = prepared.errors.length > 0;
  if (request.json) {
    const skillId = request.target && 'skillId' in request.target ? request.target.skillId : null;
    const checks = checksReport(prepared, process.cwd()).diagnostics;
    const document = {
      skill_id: skillId,
      version: null,
      files: prepared.collected.files.length,
      bytes: prepared.totalBytes,
      dry_run: true,
      ...fileListJson(prepared),
      diagnostics: checks,
    };
    stdout.json(document);
  } else {
    stdout.text(fileListText(prepared));
    stdout.formatted(checksText(prepared, process.cwd(), process.stdout) || '✔ No problems found (profile claude-api).\n');
    stdout.text(blocked ? 'Dry run: the upload would be refused until the errors are fixed.\n' : 'Dry run: nothing was uploaded.\n');
  }
  return blocked ? 1 : 0;
}

/** Reports a failed publish (text on stderr, or a JSON `error` document on stdout); exit 1. */
function failed(request: PublishRequest, message: string, prepared?: PreparedUpload, error?: unknown): number {
  if (request.json) {
    const apiError = error as Partial<SkillsApiError & { rule: string }> | undefined;
    const detail = { message, rule: apiError?.rule, status: apiError?.status, request_id: apiError?.requestId };
    const diagnostics = prepared ? checksReport(prepared, process.cwd()).diagnostics : undefined;
    stdout.json({ error: detail, diagnostics });
  } else {
    stderr.text(`skillsmith publish: ${message}\n`);
  }
  return 1;
}

/** The message of a failure, with the request id when the service answered. */
function describeFailure(error: unknown, apiErrorClass: typeof SkillsApiError): string {
  if (error instanceof apiErrorClass) return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
  return messageOf(error);
}

function usage(message: string): number {
  stderr.text(`skillsmith publish: ${message}\n`);
  return 2;
}
