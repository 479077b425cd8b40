/**
 * The `--data` folder: a small index (`skills-emulator-state.json`: skills, versions, file paths and hashes) and the
 * file contents apart from it, each stored once under its SHA-256 (`blobs/`). A change writes its new blobs, then the
 * index, each through a temporary file and a rename; its cost follows the change, not the size of every upload.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemporaryFiles, writeFileAtomically } from './atomicFile';
import { BlobStore, sha256Of } from './blobStore';
import type { EmulatorState, StoredFile, StoredSkill, StoredVersion } from './model';
import { messageOf } from '../core/messageOf';

const STATE_FILE = 'skills-emulator-state.json';
const BLOBS = 'blobs';
const FORMAT = 2;

/** A file in the index: its contents live in `blobs/<sha256>`. */
interface IndexedFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** A data folder in use: its state as loaded, and how to save a new one. */
export interface DataFolder {
  /** The saved state, or null when the folder holds none yet. */
  readonly state: EmulatorState | null;
  /** Writes `state` (new blobs, then the index); throws when it could not, with nothing half written. */
  save(state: EmulatorState): void;
}

/**
 * Opens `dataDir`: removes the temporary files of a crashed write, loads and checks the state down to every
 * file's contents, and removes blobs nothing refers to. Throws a message saying what to do when the folder holds
 * something that is not this emulator's state.
 */
export function openDataFolder(dataDir: string): DataFolder {
  mkdirSync(join(dataDir, BLOBS), { recursive: true });
  removeTemporaryFiles(dataDir);
  removeTemporaryFiles(join(dataDir, BLOBS));
  const indexPath = join(dataDir, STATE_FILE);
  const blobs = new BlobStore(join(dataDir, BLOBS));
  const state = loadState(indexPath, blobs);
  if (state) blobs.removeAllBut(new Set(state.skills.flatMap((skill) => skill.versions.flatMap((version) => version.files.map((file) => file.sha256)))));
  return {
    state,
    save(next: EmulatorState): void {
      try {
        for (const skill of next.skills) for (const version of skill.versions) for (const file of version.files) blobs.put(file.sha256, file.data);
        writeFileAtomically(indexPath, JSON.stringify({ format: FORMAT, skills: next.skills.map(indexedSkill) }));
      } catch (error) {
        const reason = messageOf(error);
        throw new Error(`could not save the change in ${dataDir} (${reason}); nothing was changed`);
      }
    },
  };
}

function indexedSkill(skill: StoredSkill): unknown {
  return { ...skill, versions: skill.versions.map((version) => ({ ...version, files: version.files.map(indexedFile) })) };
}

function indexedFile(file: StoredFile): IndexedFile {
  return { path: file.path, sha256: file.sha256, size: file.data.byteLength };
}

function loadState(indexPath: string, blobs: BlobStore): EmulatorState | null {
  let text: string;
  try {
    text = readFileSync(indexPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const refuse = (reason: string): Error => new Error(`${indexPath} is not an emulator state file (${reason}); move it away or pick another --data folder.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('not JSON');
  }
  if (!isObject(parsed) || !Array.isArray(parsed.skills) || !parsed.skills.every(isSkill)) throw refuse('not the shape of one');
  if (parsed.format !== undefined && parsed.format !== FORMAT) throw refuse(`format ${String(parsed.format)}, which this emulator does not read`);
  try {
    return { skills: parsed.skills.map((skill) => ({ ...skill, versions: skill.versions.map((version) => loadVersion(version, blobs)) })) };
  } catch (error) {
    throw refuse(messageOf(error));
  }
}

/** A version as the index holds it: files by hash, or (format 1, before blobs) inline as base64. */
type SavedVersion = Omit<StoredVersion, 'files'> & { readonly files: ReadonlyArray<IndexedFile | { readonly path: string; readonly base64: string }> };
type SavedSkill = Omit<StoredSkill, 'versions'> & { readonly versions: SavedVersion[] };

function loadVersion(version: SavedVersion, blobs: BlobStore): StoredVersion {
  const files = version.files.map((file): StoredFile => {
    if ('base64' in file) {
      const data = new Uint8Array(Buffer.from(file.base64, 'base64'));
      return { path: file.path, data, sha256: sha256Of(data) };
    }
    return { path: file.path, data: blobs.read(file.sha256, file.size), sha256: file.sha256 };
  });
  return { ...version, files };
}

function isSkill(value: unknown): value is SavedSkill {
  return (
    isObject(value) &&
    ['id', 'name', 'displayName', 'createdAt', 'updatedAt'].every((key) => typeof value[key] === 'string') &&
    (value.source === 'custom' || value.source === 'anthropic') &&
    Array.isArray(value.versions) &&
    value.versions.every(isVersion)
  );
}

function isVersion(value: unknown): value is SavedVersion {
  return (
    isObject(value) &&
    ['key', 'label', 'name', 'description', 'directory', 'createdAt'].every((key) => typeof value[key] === 'string') &&
    Array.isArray(value.files) &&
    value.files.every(isSavedFile)
  );
}

function isSavedFile(value: unknown): boolean {
  if (!isObject(value) || typeof value.path !== 'string') return false;
  if (typeof value.base64 === 'string') return true;
  return typeof value.sha256 === 'string' && /^[0-9a-f]{64}$/.test(value.sha256) && Number.isSafeInteger(value.size) && Number(value.size) >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
