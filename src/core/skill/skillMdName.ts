/** The name a skill's main file must have, and the finding for a file that is spelled otherwise. */
import { folderDiagnostic } from './finding';
import type { Diagnostic, Profile } from './types';

/** The file every skill folder must hold, spelled exactly so. */
export const SKILL_MD = 'SKILL.md';

/** `skill-md-case` for a file named `fileName` when that is a mis-cased SKILL.md; none otherwise (or when the rule is off). */
export function skillMdCaseDiagnostics(fileName: string, profile: Profile): Diagnostic[] {
  if (fileName === SKILL_MD || fileName.toUpperCase() !== SKILL_MD.toUpperCase()) return [];
  return folderDiagnostic(
    'skill-md-case',
    profile,
    `The file is named \`${fileName}\`; rename it to \`${SKILL_MD}\` (upper case), or it is not found.`,
  );
}
