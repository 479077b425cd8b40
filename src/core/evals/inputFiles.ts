/**
 * The input files of an output case (`files` in `evals.json`, relative to the skill folder), uploaded through the
 * Files API so the prompt can attach them to the container (`container_upload` blocks).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { toFile } from '@anthropic-ai/sdk';
import type { ApiForm } from '../chat/session';

/** The beta the Files API needs in the beta form. */
const FILES_BETA = 'files-api-2025-04-14';

/** The largest input file an eval uploads (the Files API takes more; an eval input this big is a mistake). */
export const MAX_INPUT_FILE_BYTES = 32 * 1024 * 1024;

/** An input file that cannot be uploaded, with what to change. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`The input file "${file}" ${problem}`);
    this.name = 'InputFileError';
  }
}

/**
 * Uploads `files` (paths relative to `folder`) one by one and resolves with their file ids, in order. A path that
 * leaves the folder, a symlink, a folder, a missing file or one over `MAX_INPUT_FILE_BYTES` is refused before
 * anything is sent (`InputFileError`); an API failure rejects with the SDK's error.
 */
export async function uploadInputFiles(
  sdk: Anthropic,
  folder: string,
  files: readonly string[],
  form: ApiForm,
  signal?: AbortSignal,
): Promise<string[]> {
  const read = await Promise.all(files.map((file) => readInputFile(folder, file)));
  const ids: string[] = [];
  for (const { name, bytes } of read) {
    const file = await toFile(bytes, name);
    const uploaded =
      form === 'beta'
        ? await sdk.beta.files.upload({ file, betas: [FILES_BETA] }, { signal })
        : await sdk.files.upload({ file }, { signal });
    ids.push(uploaded.id);
  }
  return ids;
}

async function readInputFile(folder: string, file: string): Promise<{ name: string; bytes: Buffer }> {
  const root = path.resolve(folder);
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new InputFileError(file, 'is outside the skill folder: give a path inside it.');
  const stat = await fs.lstat(absolute).catch(() => null);
  if (!stat) throw new InputFileError(file, 'does not exist in the skill folder.');
  if (stat.isSymbolicLink()) throw new InputFileError(file, 'is a symbolic link: evals upload regular files only.');
  // A linked folder on the way (`data` -> /etc for `data/x`) leaves the skill folder although the last segment is a file.
  const real = path.relative(await fs.realpath(root), await fs.realpath(absolute));
  if (real === '' || real.startsWith('..') || path.isAbsolute(real))
    throw new InputFileError(file, 'is outside the skill folder (a folder on its path is a link out of it): give a path inside it.');
  if (!stat.isFile()) throw new InputFileError(file, 'is not a file.');
  if (stat.size > MAX_INPUT_FILE_BYTES) throw new InputFileError(file, `is larger than ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MB.`);
  return { name: path.basename(absolute), bytes: await fs.readFile(absolute) };
}
