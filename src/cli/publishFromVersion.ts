/** `skillsmith publish --from-version V --skill-id ID`: restores version V as the latest (a new version with its files). */
import type { RestorePlan } from '../core/api/restoreVersion';
import { versionLabeler, versionOrdinals, versionTag } from '../core/api/versionLabel';
import { isIdentical } from '../core/bundle/diffFileSets';
import { fileSetBytes } from '../core/bundle/fileSet';
import { formatBytes } from '../core/bundle/uploadChecks';
import { countOf } from '../core/text/count';
import type { ClientOptions } from '../core/api/types';
import { loadApiModule } from '../core/api/loadApiModule';
import { messageOf } from '../core/messageOf';
import { escapeControls } from './terminalText';

/** What `--from-version` was asked to do. */
export interface FromVersionRequest {
  readonly skillId: string;
  /** The version to restore: its id, its ref, or its label ("v3"). */
  readonly version: string;
  readonly dryRun: boolean;
  readonly json: boolean;
}

/**
 * Plans the restore (the version's files against the latest's), prints what changes, then publishes the files as a new
 * version unless it is a dry run or nothing changes. Exit 0 restored (or nothing to do), 1 refused or failed, 2 no key.
 */
export async function publishFromVersion(request: FromVersionRequest, options: ClientOptions): Promise<number> {
  if (!options.apiKey) return fail(request, 'Set ANTHROPIC_API_KEY to the API key to publish with.', 2);
  const api = loadApiModule();
  const client = api.createSkillsClient(options);
  let plan: RestorePlan;
  try {
    plan = await api.planRestore(client, request.skillId, request.version);
  } catch (error) {
    return fail(request, `Could not read version ${request.version} of ${request.skillId}: ${describe(error, api.SkillsApiError)}`, 1);
  }
  const label = versionLabeler(plan.versions);
  const ordinals = versionOrdinals(plan.versions);
  const tagOf = (version: RestorePlan['source']): string => versionTag(ordinals.get(version.id) ?? 0);
  const from = tagOf(plan.source);
  const unchanged = isIdentical(plan.changes);
  if (!request.json) process.stdout.write(changesText(plan, label));
  if (request.dryRun || unchanged) {
    const why = unchanged
      ? `${from} has the same files as the latest, ${tagOf(plan.latest)}: nothing to publish.`
      : 'Dry run: nothing was published.';
    if (request.json)
      process.stdout.write(JSON.stringify({ ...summaryJson(plan), version: null, unchanged, dry_run: request.dryRun }) + '\n');
    else process.stdout.write(why + '\n');
    return 0;
  }
  try {
    const result = await api.restoreVersion(client, plan);
    const tag = versionTag(plan.versions.length + 1);
    if (request.json) process.stdout.write(JSON.stringify({ ...summaryJson(plan), version: result.version }) + '\n');
    else
      process.stdout.write(
        `Published ${tag} (version ${result.version}) with the ${countOf(result.files, 'file')} of ${from} (${formatBytes(result.bytes)}): it is the latest now.\n`,
      );
    return 0;
  } catch (error) {
    return fail(
      request,
      `Could not publish ${from}'s files as a new version of ${request.skillId}: ${describe(error, api.SkillsApiError)}`,
      1,
    );
  }
}

/** The lines that say which version is restored over which, and each changed path (M, A, D as git prints them). */
function changesText(plan: RestorePlan, label: (version: RestorePlan['source']) => string): string {
  const { added, removed, changed } = plan.changes;
  const lines = [
    `Restoring ${label(plan.source)} of ${plan.skillId} over the latest, ${label(plan.latest)}:`,
    ...changed.map((file) => `  M ${escapeControls(file.path)}`),
    ...added.map((file) => `  A ${escapeControls(file.path)}`),
    ...removed.map((file) => `  D ${escapeControls(file.path)}`),
  ];
  if (changed.length + added.length + removed.length === 0) lines.push('  (no file differs)');
  return lines.join('\n') + '\n';
}

/** The JSON fields every `--from-version` outcome shares. */
function summaryJson(plan: RestorePlan) {
  const paths = (files: readonly { path: string }[]): string[] => files.map((file) => file.path);
  return {
    skill_id: plan.skillId,
    restored_from: plan.source.ref,
    replaced: plan.latest.ref,
    files: plan.files.files.length,
    bytes: fileSetBytes(plan.files),
    added: paths(plan.changes.added),
    removed: paths(plan.changes.removed),
    changed: paths(plan.changes.changed),
  };
}

function describe(error: unknown, apiErrorClass: ReturnType<typeof loadApiModule>['SkillsApiError']): string {
  if (error instanceof apiErrorClass && error.requestId) return `${error.message} (request id ${error.requestId})`;
  return messageOf(error);
}

function fail(request: FromVersionRequest, message: string, code: number): number {
  if (request.json && code === 1) process.stdout.write(JSON.stringify({ error: { message } }) + '\n');
  else process.stderr.write(`skillsmith publish: ${message}\n`);
  return code;
}
