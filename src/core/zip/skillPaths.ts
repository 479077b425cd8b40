/**
 * The one check of the paths of a skill's files, wherever they travel: before an upload (the linter), in the
 * emulator's upload, and in the zip reader. A path passes when the zip reader's entry rules take it (no NUL,
 * backslash, absolute path, drive letter such as a top folder `C:`, or `..`) and it can sit beside the others in one
 * folder tree (`PathTree`: no two names differing only in case or Unicode form, no file that is also a folder,
 * within the length limits), so what is published can be downloaded again.
 */
import { checkEntryPath } from './checkEntryPath';
import { PathTree } from './pathTree';

/** The paths of one skill (an upload or an archive), checked as they are added. */
export class SkillPaths {
  private readonly tree = new PathTree<null>();

  /** Adds `rawName` (`/`-separated, the top-level folder first) and returns it normalised; throws `ZipError` saying why no upload or download may carry it. */
  add(rawName: string): string {
    const path = checkEntryPath(rawName);
    this.tree.add(path, null);
    return path;
  }
}
