import type { Skill } from '../../core/api/types';
import { diffFileSets, isIdentical } from '../../core/bundle/diffFileSets';
import type { FileSet } from '../../core/bundle/fileSet';
import type { VersionArchiveCache } from '../services/caches/versionArchiveCache';
import { fileSetOfArchive } from '../services/caches/versionFileSet';
import { errorMessage } from '../ui/errorMessage';
import type { SkillLink } from '../services/skillFolders/linkStore';
import type { PreviewComparison } from '../ui/publishPreview';

/**
 * How `local` compares with the latest version of `skill`. When that version was published from here, the
 * content hash answers without a download; otherwise the version's files come from the upload cache or the
 * service. A failure (e.g. 403 on the download) is said, not thrown: the preview still shows.
 */
export async function compareWithLatest(
  archives: VersionArchiveCache,
  skill: Skill,
  local: FileSet,
  localHash: string,
  link: SkillLink | undefined,
  signal?: AbortSignal,
): Promise<PreviewComparison> {
  const latest = skill.latestVersion;
  if (!latest) return { kind: 'new-skill' };
  const published = link?.skillId === skill.id ? link.published : undefined;
  if (published && (published.id === latest || published.ref === latest) && published.hash === localHash) {
    return { kind: 'unchanged', version: latest };
  }
  try {
    const diff = diffFileSets(fileSetOfArchive(await archives.get(skill.id, latest, signal)), local);
    if (isIdentical(diff)) return { kind: 'unchanged', version: latest };
    return { kind: 'changed', version: latest, added: paths(diff.added), removed: paths(diff.removed), changed: paths(diff.changed) };
  } catch (error) {
    return { kind: 'unknown', version: latest, reason: errorMessage(error) };
  }
}

function paths(files: readonly { readonly path: string }[]): string[] {
  return files.map((file) => file.path);
}
