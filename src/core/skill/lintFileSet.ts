/** Lints a skill's files held in memory (a downloaded version), as `lintSkillFolder` lints a folder on disk. */
import type { SkillFiles } from '../bundle/collectSkillFiles';
import type { FileSet } from '../bundle/fileSet';
import { lintSkillFolder, type SkillFolderResult } from './folder';
import type { Profile } from './types';

/**
 * The lint of `set` under `profile`, every file of it scanned from memory: nothing is read from disk, nothing is
 * left out (a downloaded version carries what was uploaded). The result's `file` is `SKILL.md`'s path in the set
 * with the folder name in front; findings in other files name them (`file`) relative to the folder.
 */
export function lintFileSet(set: FileSet, profile: Profile): SkillFolderResult {
  const collected: SkillFiles = {
    files: set.files.map((file) => ({ relativePath: file.path, size: file.data.byteLength, absolutePath: '' })),
    leftOut: [],
  };
  // A set without a top-level folder (SKILL.md at its root) is linted as a folder named `skill`: only the rule that
  // the name matches the folder reads it.
  return lintSkillFolder(set.folderName || 'skill', { profile, collected, contents: set });
}
