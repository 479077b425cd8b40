/** The options `pack`, `publish` and `diff` share: which files travel, how big they may be, which API. */
import type { ClientOptions } from '../core/api/types';
import type { UploadOptions } from '../core/bundle/prepareUpload';
import { apiKeyFrom } from './apiKey';
import { UsageError, type OptionTable } from './args';

/** The options every upload command accepts. */
export const UPLOAD_OPTIONS = {
  'allow-secret': { type: 'string', multiple: true },
  'upload-limit-mb': { type: 'string' },
} as const satisfies OptionTable;

/** The options of the commands that call the API. */
export const API_OPTIONS = {
  'base-url': { type: 'string' },
} as const satisfies OptionTable;

/** What the commands on a skill folder share: the folder, the output format and the parsed options. */
export interface FolderRequest<Values> {
  readonly dir: string;
  readonly json: boolean;
  readonly values: Values;
}

/** The help lines of the shared options. */
export const UPLOAD_OPTIONS_HELP = `  --allow-secret PATH   upload this file although it looks like a secret (repeat for each file)
  --upload-limit-mb N   the size budget in MB (default 30, the service's limit)`;

/** The help lines of the API options. */
export const API_OPTIONS_HELP = `  --base-url URL        the API's base URL (default: ANTHROPIC_BASE_URL, else the SDK's)
The API key comes from ANTHROPIC_API_KEY.`;

/** The one PATH a command takes; throws `UsageError` for none or several. */
export function onePath(positionals: readonly string[]): string {
  const [path] = positionals;
  if (positionals.length === 1 && path !== undefined) return path;
  throw new UsageError(positionals.length === 0 ? 'Name the skill folder to use.' : `Name one skill folder, not ${positionals.length}.`);
}

/** The upload options from `--allow-secret` and `--upload-limit-mb`. */
export function uploadOptionsOf(values: { readonly 'allow-secret'?: string[]; readonly 'upload-limit-mb'?: string }): UploadOptions {
  const raw = values['upload-limit-mb'];
  return {
    allowSecrets: values['allow-secret']?.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')),
    limitBytes: raw === undefined ? undefined : uploadLimitBytesOf(raw),
  };
}

/** The bytes of an `--upload-limit-mb` value (MB of 1024 × 1024 bytes, as the setting counts); throws `UsageError` unless it is a number above 0. */
export function uploadLimitBytesOf(raw: string): number {
  const megabytes = Number(raw);
  if (raw.trim() === '' || !(Number.isFinite(megabytes) && megabytes > 0))
    throw new UsageError(`--upload-limit-mb needs a number above 0, not "${raw}".`);
  return Math.round(megabytes * 1024 * 1024);
}

/** The client options from the environment and `--base-url`, as the SDK reads them. */
export function clientOptionsOf(values: { readonly 'base-url'?: string }, env: NodeJS.ProcessEnv): ClientOptions {
  return { apiKey: apiKeyFrom(env), baseUrl: values['base-url'] ?? (env.ANTHROPIC_BASE_URL || undefined) };
}
