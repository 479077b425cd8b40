/** The upload rules of a skill folder: size, secrets, symbolic links, names, excluded files, display name. */
import { folderDiagnostic } from '../skill/finding';
import type { Diagnostic, Profile } from '../skill/types';
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
  for (const secret of collected.secrets) {
    found.push(...folderDiagnostic('upload-secret', profile, `\`${secret}\` looks like a secret and would be uploaded. Delete it or list it in .skillignore.`));
  }
  for (const link of collected.symlinks) {
    found.push(...folderDiagnostic('upload-symlink', profile, `\`${link}\` is a symbolic link, which is never uploaded. Replace it with the file itself or list it in .skillignore.`));
  }
  for (const name of collected.notUtf8) {
    found.push(...folderDiagnostic('upload-name-not-utf8', profile, `\`${name}\` has a name that is not valid UTF-8 (shown as \uFFFD), so no upload can carry it. Rename it.`));
  }
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
