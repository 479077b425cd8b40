import { collectSkillFiles } from '../../../core/bundle/collectSkillFiles';
import { readFileSet } from '../../../core/bundle/fileSet';
import { hashFileSet } from '../../../core/bundle/hashFileSet';

/** The content hash of what an upload of `dir` would carry now (the same set `prepareUpload` collects). */
export async function hashOfFolder(dir: string, allowSecrets: readonly string[] = []): Promise<string> {
  return hashFileSet(await readFileSet(dir, await collectSkillFiles(dir, { allowSecrets })));
}
