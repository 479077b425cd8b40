import { DEFAULT_UPLOAD_LIMIT_BYTES, DISPLAY_NAME_LIMIT } from '../core/bundle/uploadChecks';
import { SkillPaths } from '../core/zip/skillPaths';
import { ZipError } from '../core/zip/zipError';
import { badRequest, tooLarge } from './apiError';
import { readSkillIdentity, type SkillIdentity } from './frontmatter';

/** The service's limit on the total size of one upload. */
export const MAX_UPLOAD_BYTES = DEFAULT_UPLOAD_LIMIT_BYTES;

/** The most files one upload may hold: more need zip64 in the download, which the emulator cannot write. */
export const MAX_UPLOAD_FILES = 0xffff;

/** One uploaded file with its relative path. */
export interface UploadedFile {
  readonly path: string;
  readonly data: Uint8Array;
}

/** A parsed multipart upload. */
export interface Upload {
  readonly files: readonly UploadedFile[];
  readonly displayName: string | undefined;
}

/** A checked upload: its files plus what the service extracts from them. */
export interface CheckedUpload extends SkillIdentity {
  readonly files: readonly UploadedFile[];
  readonly directory: string;
}

/** Parses a `multipart/form-data` body as a form; a 400 saying `wrongType` for another content type, or one for a body that does not parse. */
export async function parseMultipart(body: Uint8Array<ArrayBuffer>, contentType: string | undefined, wrongType: string): Promise<FormData> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) throw badRequest(wrongType);
  try {
    return await new Request('http://emulator.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
  } catch {
    throw badRequest('The multipart body could not be parsed.');
  }
}

/**
 * A file part's name as the request sent it. The form parser decodes the `%22`, `%0D` and `%0A` that a sender
 * writes for `"`, CR and LF, which makes a file really named `percent%22.txt` come back as `percent".txt`; the
 * service keeps the name as sent, so the three are encoded back (a sent name cannot hold them raw).
 */
export function sentFileName(file: File): string {
  return file.name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Parses a `multipart/form-data` body: `files[]` parts (path in the filename) and `display_name`. */
export async function parseUpload(body: Uint8Array<ArrayBuffer>, contentType: string | undefined): Promise<Upload> {
  const form = await parseMultipart(body, contentType, 'Uploads must be sent as multipart/form-data.');
  const files: UploadedFile[] = [];
  let displayName: string | undefined;
  for (const [field, value] of form) {
    if (field === 'display_name' && typeof value === 'string') displayName = value;
    if (field !== 'files[]' && field !== 'files') continue;
    if (typeof value === 'string') throw badRequest('Every file part needs a filename holding its relative path.');
    files.push({ path: sentFileName(value), data: new Uint8Array(await value.arrayBuffer()) });
  }
  return { files, displayName };
}

/**
 * Enforces what the service enforces on an upload (size, one top-level folder, SKILL.md and its frontmatter), and
 * refuses what the emulator could not serve back as a zip that unpacks: paths the zip reader refuses (`SkillPaths`: a drive letter such as a top folder `C:`,
 * twice, differing only in case, a file that is also a folder, names, paths or depths past its limits), NUL
 * characters, more than 65,535 files.
 */
export function checkUpload(files: readonly UploadedFile[]): CheckedUpload {
  if (files.length === 0) throw badRequest('No files were uploaded: send the skill folder as files[] parts.');
  const total = files.reduce((sum, file) => sum + file.data.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) throw tooLarge(`The upload is ${total} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes (30 MB).`);
  if (files.length > MAX_UPLOAD_FILES) throw badRequest(`The upload has ${files.length} files; at most ${MAX_UPLOAD_FILES} are accepted.`);
  const tree = new SkillPaths();
  const directories = new Set<string>();
  for (const { path } of files) {
    const segments = path.split('/');
    if (/[\\\0]/.test(path) || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw badRequest(`Invalid file path "${path.slice(0, 200)}": use relative paths with forward slashes.`);
    }
    if (segments.length < 2)
      throw badRequest(`"${path.slice(0, 200)}" is not inside a folder: all files must be in one top-level directory.`);
    addPath(tree, path);
    directories.add(segments[0]);
  }
  const [directory, other] = [...directories];
  if (other !== undefined)
    throw badRequest(`All files must be in the same top-level directory; this upload has "${directory}" and "${other}".`);
  const skillMd = files.find((file) => file.path === `${directory}/SKILL.md`);
  if (!skillMd) throw badRequest(`SKILL.md must be at the root of the top-level directory "${directory}".`);
  const identity = readSkillIdentity(skillMd.data);
  if (typeof identity === 'string') throw badRequest(identity);
  return { ...identity, files, directory };
}

/** Checks a display name as the service does. */
export function checkDisplayName(displayName: string | undefined): void {
  if (displayName !== undefined && displayName.length > DISPLAY_NAME_LIMIT) {
    throw badRequest(`display_name must be at most ${DISPLAY_NAME_LIMIT} characters; it has ${displayName.length}.`);
  }
}

/** Adds an uploaded path to the tree; a path no folder could hold is a 400 that says why. */
function addPath(tree: SkillPaths, path: string): void {
  try {
    tree.add(path);
  } catch (error) {
    if (error instanceof ZipError) throw badRequest(`${error.message} Rename the file so every path is distinct and fits.`);
    throw error;
  }
}
