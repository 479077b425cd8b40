/** Why a file of a skill folder is not uploaded: the words shared by diagnostics, previews and the CLI. */

/** Why a file or folder of a skill is not uploaded. */
export type LeftOutReason = 'default-exclude' | 'skillignore' | 'symlink' | 'secret' | 'not-utf8' | 'pack-output';

/** What each reason means, in a few words. */
export const LEFT_OUT_REASONS: Readonly<Record<LeftOutReason, string>> = {
  'default-exclude': 'left out by default',
  skillignore: 'listed in .skillignore',
  symlink: 'a symbolic link, never followed',
  secret: 'looks like a secret; allow it by name to upload it',
  'not-utf8': 'its name is not valid UTF-8, so no upload can carry it',
  'pack-output': 'a zip of this skill written by skillsmith pack',
};
