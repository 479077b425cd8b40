/** `skillsmith diff`: a skill folder against a remote version, as a unified diff or JSON. */
import { collectSkillFiles } from '../core/bundle/collectSkillFiles';
import { diffFileSets, isIdentical } from '../core/bundle/diffFileSets';
import { readFileSet, type FileSet } from '../core/bundle/fileSet';
import { formatUnifiedDiff } from '../core/bundle/unifiedDiff';
import { noKeyText } from './apiKey';
import { loadApiModule } from '../core/api/loadApiModule';
import { terminalOutput } from './terminalText';
import { messageOf } from '../core/messageOf';
import { commandArgs, runWithArgs, UsageError, type OptionValues } from './args';
import { API_OPTIONS, API_OPTIONS_HELP, clientOptionsOf, onePath, UPLOAD_OPTIONS, type FolderRequest } from './uploadArgs';

const HELP = `Usage: skillsmith diff PATH --skill-id ID [--version V] [--format text|json]

Compares the files an upload of the skill folder PATH would send with version V of skill ID
(default: its latest version). Text output is a unified diff (remote as a/, local as b/), with one
line per binary file; json is {"added":[],"removed":[],"changed":[]} (paths, local against remote).
  --skill-id ID         the remote skill
  --version V           the remote version (default: latest)
  --format text|json    what to print
  --allow-secret PATH   count this file although it looks like a secret (repeat for each file)
${API_OPTIONS_HELP}

Exit status: 0 identical, 1 different, 2 usage error, unreadable folder or failed download.`;

const OPTIONS = {
  ...API_OPTIONS,
  'skill-id': { type: 'string' },
  version: { type: 'string', default: 'latest' },
  'allow-secret': UPLOAD_OPTIONS['allow-secret'],
} as const;

/** What `skillsmith diff` was asked to do. */
interface DiffRequest extends FolderRequest<OptionValues<typeof OPTIONS, 'text' | 'json'>> {
  readonly skillId: string;
}

const DIFF_ARGS = commandArgs({
  name: 'diff',
  usage: HELP,
  options: OPTIONS,
  formats: ['text', 'json'],
  read: ({ values, positionals, format }): DiffRequest => {
    const dir = onePath(positionals);
    const skillId = values['skill-id'];
    if (!skillId) throw new UsageError('Name the remote skill with --skill-id ID.');
    return { dir, skillId, json: format === 'json', values };
  },
});

/** Runs `skillsmith diff`; returns the exit code. */
export function runDiffCommand(args: string[]): Promise<number> {
  return runWithArgs(DIFF_ARGS, args, diff);
}

async function diff(request: DiffRequest): Promise<number> {
  const client = clientOptionsOf(request.values, process.env);
  if (!client.apiKey) {
    process.stderr.write(noKeyText('diff'));
    return 2;
  }
  let local: FileSet;
  try {
    local = await readFileSet(request.dir, await collectSkillFiles(request.dir, { allowSecrets: request.values['allow-secret'] }));
  } catch (error) {
    return fail(`${request.dir} cannot be read: ${messageOf(error)}`);
  }
  const api = loadApiModule();
  let remote: FileSet;
  try {
    remote = await api.downloadFileSet(api.createSkillsClient(client), request.skillId, request.values.version);
  } catch (error) {
    const requestId = error instanceof api.SkillsApiError && error.requestId ? ` (request id ${error.requestId})` : '';
    return fail(`Could not download version ${request.values.version} of ${request.skillId}: ${messageOf(error)}${requestId}`);
  }
  const changes = diffFileSets(remote, local);
  if (request.json) {
    const paths = (files: readonly { path: string }[]): string[] => files.map((f) => f.path);
    terminalOutput(process.stdout).json({ added: paths(changes.added), removed: paths(changes.removed), changed: paths(changes.changed) });
  } else {
    terminalOutput(process.stdout).text(formatUnifiedDiff(changes));
  }
  return isIdentical(changes) ? 0 : 1;
}

function fail(message: string): number {
  terminalOutput(process.stderr).text(`skillsmith diff: ${message}\n`);
  return 2;
}
