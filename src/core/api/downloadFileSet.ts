/** A remote version's files, downloaded and read through the safe zip reader, in memory only. */
import type { FileSet } from '../bundle/fileSet';
import { unzipFileSet } from '../bundle/unzipFileSet';
import type { SkillsClient } from './types';

/**
 * Downloads version `ref` (`latest` works) of `skillId` as a file set. Nothing is written anywhere. Rejects with
 * `SkillsApiError` when the download fails and `ZipError` when the archive is hostile or damaged.
 */
export async function downloadFileSet(client: SkillsClient, skillId: string, ref: string, signal?: AbortSignal): Promise<FileSet> {
  return unzipFileSet(await client.downloadVersion(skillId, ref, signal));
}
