/** The upload rules of a skill folder: size, secrets, symbolic links, names, excluded files, display name. */
import { formatCount } from '../text/count';
import { folderDiagnostic } from '../skill/finding';
import { leftOutMessage, MAX_FINDINGS_PER_RULE } from '../skill/findingCap';
import type { Diagnostic, Profile, RuleId } from '../skill/types';
import type { SkillFile, SkillFiles } from './collectSkillFiles';
import { SKILLIGNORE } from './fileRules';
import { SkillPaths } from '../zip/skillPaths';
import { ZipError } from '../zip/zipError';

/** The upload size limit the Skills API enforces today (older documentation said 8 MB). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 30 * 1024 * 1024;
/** The longest display name the Skills API accepts. */
export const DISPLAY_NAME_LIMIT = 255;

/** How many of the largest files an `upload-too-large` message names. */
const LARGEST_SHOWN = 3;

/** The upload findings for the files of one skill folder. */
export function checkUpload(collected: SkillFiles, profile: Profile, limitBytes = DEFAULT_UPLOAD_LIMIT_BYTES): Diagnostic[] {
  const found: Diagnostic[] = [];
  const total = totalBytes(collected.files);
  if (total > limitBytes) {
    const largest = largestFiles(collected.files, LARGEST_SHOWN)
      .map((f) => `\`${f.relativePath}\` (${formatBytes(f.size)})`)
      .join(', ');
    found.push(
      ...folderDiagnostic(
        'upload-too-large',
        profile,
        `The files to upload total ${formatBytes(total)}, over the ${formatBytes(limitBytes)} limit. The largest: ${largest}. List large files in .skillignore.`,
      ),
    );
  }
  const paths = { secret: [] as string[], symlink: [] as string[], 'not-utf8': [] as string[] };
  const excluded: string[] = [];
  for (const { relativePath, reason } of collected.leftOut) {
    if (reason === 'secret' || reason === 'symlink' || reason === 'not-utf8') paths[reason].push(relativePath);
    else if (relativePath !== SKILLIGNORE) excluded.push(relativePath);
  }
  found.push(
    ...eachPath(
      'upload-secret',
      paths.secret,
      profile,
      (p) =>
        `\`${p}\` looks like a secret, so it is not uploaded. Delete it, list it in .skillignore, or allow it by name if it must be uploaded.`,
    ),
  );
  found.push(
    ...eachPath(
      'upload-symlink',
      paths.symlink,
      profile,
      (p) => `\`${p}\` is a symbolic link, which is never uploaded. Replace it with the file itself or list it in .skillignore.`,
    ),
  );
  found.push(
    ...eachPath(
      'upload-name-not-utf8',
      paths['not-utf8'],
      profile,
      (p) => `\`${p}\` has a name that is not valid UTF-8 (shown as \uFFFD), so no upload can carry it. Rename it.`,
    ),
  );
  if (excluded.length > 0) {
    const shown = excluded
      .slice(0, 5)
      .map((p) => `\`${p}\``)
      .join(', ');
    const more = excluded.length > 5 ? ` and ${excluded.length - 5} more` : '';
    found.push(...folderDiagnostic('upload-excluded', profile, `Left out of the upload: ${shown}${more}.`));
  }
  return found;
}

/**
 * The `upload-path-refused` findings of the files an upload of a folder named `folderName` carries: the check the
 * emulator and the zip reader make (`SkillPaths`), so a folder passes here exactly when it can be published and
 * downloaded again. One finding per refused path, up to the cap.
 */
export function checkUploadPaths(folderName: string, collected: SkillFiles, profile: Profile): Diagnostic[] {
  const paths = new SkillPaths();
  const refused: string[] = [];
  const reasons = new Map<string, string>();
  for (const { relativePath } of collected.files) {
    try {
      paths.add(`${folderName}/${relativePath}`);
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      refused.push(relativePath);
      reasons.set(relativePath, error.message);
    }
  }
  return eachPath(
    'upload-path-refused',
    refused,
    profile,
    (p) => `\`${p}\` cannot be uploaded: ${reasons.get(p)} Rename it (or the folder) so every path is distinct and plain.`,
  );
}

/** The `display-name-too-long` finding for a display name, or undefined when it fits. */
export function checkDisplayName(displayName: string, profile: Profile): Diagnostic | undefined {
  if (displayName.length <= DISPLAY_NAME_LIMIT) return undefined;
  return folderDiagnostic(
    'display-name-too-long',
    profile,
    `The display name has ${formatCount(displayName.length)} characters; the limit is ${formatCount(DISPLAY_NAME_LIMIT)}. Shorten it.`,
  )[0];
}

/** One finding of `rule` per path, up to the cap; one more says how many paths were left out. */
function eachPath(rule: RuleId, paths: readonly string[], profile: Profile, message: (path: string) => string): Diagnostic[] {
  if (paths.length === 0) return [];
  const found = paths.slice(0, MAX_FINDINGS_PER_RULE).flatMap((p) => folderDiagnostic(rule, profile, message(p)));
  const leftOut = paths.length - MAX_FINDINGS_PER_RULE;
  return leftOut > 0 ? [...found, ...folderDiagnostic(rule, profile, leftOutMessage(rule, leftOut, 'folder'))] : found;
}

/** The total size of `files` in bytes. */
export function totalBytes(files: readonly { readonly size: number }[]): number {
  return files.reduce((sum, f) => sum + f.size, 0);
}

/** The `count` largest files, largest first (ties by path). */
export function largestFiles(files: readonly SkillFile[], count: number): SkillFile[] {
  return [...files].sort((a, b) => b.size - a.size || (a.relativePath < b.relativePath ? -1 : 1)).slice(0, count);
}

/** A size for people: `512 B`, `12.3 KB`, `4.0 MB` (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
