/** The upload rules of a skill folder: size, secrets, symbolic links, names, excluded files, display name. */
import { folderDiagnostic } from '../skill/finding';
import { leftOutMessage, MAX_FINDINGS_PER_RULE } from '../skill/findingCap';
import type { Diagnostic, Profile, RuleId } from '../skill/types';
import type { SkillFiles } from './collectSkillFiles';

/** The upload size limit the Skills API enforces today (older documentation said 8 MB). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 30 * 1024 * 1024;
/** The longest display name the Skills API accepts. */
export const DISPLAY_NAME_LIMIT = 255;

/** The upload findings for the files of one skill folder. */
export function checkUpload(collected: SkillFiles, profile: Profile, limitBytes = DEFAULT_UPLOAD_LIMIT_BYTES): Diagnostic[] {
  const found: Diagnostic[] = [];
  const total = collected.files.reduce((sum, f) => sum + f.size, 0);
  if (total > limitBytes) {
    found.push(...folderDiagnostic('upload-too-large', profile, `The files to upload total ${megabytes(total)}, over the ${megabytes(limitBytes)} limit. List large files in .skillignore.`));
  }
  found.push(...eachPath('upload-secret', collected.secrets, profile, (p) => `\`${p}\` looks like a secret and would be uploaded. Delete it or list it in .skillignore.`));
  found.push(...eachPath('upload-symlink', collected.symlinks, profile, (p) => `\`${p}\` is a symbolic link, which is never uploaded. Replace it with the file itself or list it in .skillignore.`));
  found.push(...eachPath('upload-name-not-utf8', collected.notUtf8, profile, (p) => `\`${p}\` has a name that is not valid UTF-8 (shown as \uFFFD), so no upload can carry it. Rename it.`));
  if (collected.excluded.length > 0) {
    const shown = collected.excluded.slice(0, 5).map((p) => `\`${p}\``).join(', ');
    const more = collected.excluded.length > 5 ? ` and ${collected.excluded.length - 5} more` : '';
    found.push(...folderDiagnostic('upload-excluded', profile, `Left out of the upload: ${shown}${more}.`));
  }
  return found;
}

/** The `display-name-too-long` finding for a display name, or undefined when it fits. */
export function checkDisplayName(displayName: string, profile: Profile): Diagnostic | undefined {
  if (displayName.length <= DISPLAY_NAME_LIMIT) return undefined;
  return folderDiagnostic('display-name-too-long', profile, `The display name has ${displayName.length} characters; the limit is ${DISPLAY_NAME_LIMIT}. Shorten it.`)[0];
}

/** One finding of `rule` per path, up to the cap; one more says how many paths were left out. */
function eachPath(rule: RuleId, paths: readonly string[], profile: Profile, message: (path: string) => string): Diagnostic[] {
  const found = paths.slice(0, MAX_FINDINGS_PER_RULE).flatMap((p) => folderDiagnostic(rule, profile, message(p)));
  const leftOut = paths.length - MAX_FINDINGS_PER_RULE;
  return leftOut > 0 ? [...found, ...folderDiagnostic(rule, profile, leftOutMessage(rule, leftOut, 'folder'))] : found;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
