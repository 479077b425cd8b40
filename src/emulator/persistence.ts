/**
 * The `--data` folder: a snapshot (`skills-emulator-state.json`: skills, versions, file paths and hashes), a log of
 * the changes made since it (`skills-emulator-log.jsonl`, one JSON line each), and the file contents apart from
 * both, each stored once under its SHA-256 (`blobs/`). A change writes its new blobs, then appends its line: its
 * cost follows the change, not the size of the state. The log is folded into a new snapshot when it has grown as
 * large as the snapshot (so that work stays proportional to the changes), on start, and by a change that replaces
 * everything. Every line and the snapshot carry a sequence number, so a snapshot written just before a crash is
 * never replayed twice.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemporaryFiles, writeFileAtomically } from './atomicFile';
import { BlobStore, sha256Of } from './blobStore';
import type { EmulatorState, StoredFile, StoredSkill, StoredVersion } from './model';
import { messageOf } from '../core/messageOf';

const STATE_FILE = 'skills-emulator-state.json';
const LOG_FILE = 'skills-emulator-log.jsonl';
const BLOBS = 'blobs';
const FORMAT = 2;
/** By default the log is folded into the snapshot once it is at least this large and as large as the snapshot. */
const MIN_COMPACT_BYTES = 1024 * 1024;

/** A file in the index: its contents live in `blobs/<sha256>`. */
interface IndexedFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** One change to the state, as the store makes it and the log records it. */
export type StateChange =
  /** Every skill replaced (reset, fill, seeding): written as a new snapshot. */
  | { readonly type: 'replaceAll' }
  | { readonly type: 'createSkill'; readonly skill: StoredSkill }
  | { readonly type: 'addVersion'; readonly skillId: string; readonly version: StoredVersion; readonly updatedAt: string }
  | { readonly type: 'deleteVersion'; readonly skillId: string; readonly key: string; readonly updatedAt: string }
  | { readonly type: 'deleteSkill'; readonly skillId: string };

/** A data folder in use: its state as loaded, and how to save a change. */
export interface DataFolder {
  /** The saved state, or null when the folder holds none yet. */
  readonly state: EmulatorState | null;
  /** Saves `change`, after which the state is `state`; throws when it could not, with nothing half written. */
  readonly save: (change: StateChange, state: EmulatorState) => void;
}

/**
 * Opens `dataDir`: removes the temporary files of a crashed write, loads and checks the snapshot and the log down
 * to every file's contents, folds the log into a new snapshot, and removes blobs nothing refers to. Throws a
 * message saying what to do when the folder holds something that is not this emulator's state. The log is folded
 * once it is as large as the snapshot and at least `minCompactBytes`.
 */
export function openDataFolder(dataDir: string, minCompactBytes = MIN_COMPACT_BYTES): DataFolder {
  mkdirSync(join(dataDir, BLOBS), { recursive: true });
  removeTemporaryFiles(dataDir);
  removeTemporaryFiles(join(dataDir, BLOBS));
  const indexPath = join(dataDir, STATE_FILE);
  const logPath = join(dataDir, LOG_FILE);
  const blobs = new BlobStore(join(dataDir, BLOBS));
  const loaded = loadState(indexPath, logPath, blobs);
  let seq = loaded?.seq ?? 0;
  let snapshotBytes = 0;
  let logBytes = 0;
  const writeSnapshot = (state: EmulatorState): void => {
    const text = JSON.stringify({ format: FORMAT, seq, skills: state.skills.map(indexedSkill) });
    writeFileAtomically(indexPath, text);
    rmSync(logPath, { force: true });
    snapshotBytes = text.length;
    logBytes = 0;
  };
  /** Folds the log into a snapshot; the change is already saved, so a failure only leaves the log to grow. */
  const compact = (state: EmulatorState): void => {
    try {
      writeSnapshot(state);
    } catch {
      // Tried again after the next change.
    }
  };
  if (loaded) {
    if (loaded.rewrite) {
      for (const skill of loaded.state.skills) putFiles(blobs, skill.versions);
      writeSnapshot(loaded.state);
    } else snapshotBytes = statSync(indexPath).size;
    blobs.removeAllBut(
      new Set(loaded.state.skills.flatMap((skill) => skill.versions.flatMap((version) => version.files.map((file) => file.sha256)))),
    );
  }
  return {
    state: loaded?.state ?? null,
    save(change: StateChange, state: EmulatorState): void {
      try {
        seq += 1;
        if (change.type === 'replaceAll') {
          for (const skill of state.skills) putFiles(blobs, skill.versions);
          return writeSnapshot(state);
        }
        if (change.type === 'createSkill') putFiles(blobs, change.skill.versions);
        if (change.type === 'addVersion') putFiles(blobs, [change.version]);
        const line = `${JSON.stringify({ seq, ...loggedChange(change) })}\n`;
        appendLine(logPath, line, logBytes);
        logBytes += Buffer.byteLength(line);
      } catch (error) {
        seq -= 1;
        const reason = messageOf(error);
        throw new Error(`could not save the change in ${dataDir} (${reason}); nothing was changed`);
      }
      if (logBytes >= Math.max(minCompactBytes, snapshotBytes)) compact(state);
    },
  };
}

function putFiles(blobs: BlobStore, versions: readonly StoredVersion[]): void {
  for (const version of versions) for (const file of version.files) blobs.put(file.sha256, file.data);
}

/** Appends `line` to the log; when that fails, cuts the log back to `size` so no torn line stays before the next. */
function appendLine(logPath: string, line: string, size: number): void {
  try {
    appendFileSync(logPath, line);
  } catch (error) {
    try {
      truncateSync(logPath, size);
    } catch {
      // Nothing was appended, or the log cannot be reached at all: a torn last line is dropped on start.
    }
    throw error;
  }
}

/** A change as its log line holds it: versions with their files by hash. */
function loggedChange(change: Exclude<StateChange, { type: 'replaceAll' }>): object {
  switch (change.type) {
    case 'createSkill':
      return { ...change, skill: indexedSkill(change.skill) };
    case 'addVersion':
      return { ...change, version: indexedVersion(change.version) };
    default:
      return change;
  }
}

function indexedSkill(skill: StoredSkill): unknown {
  return { ...skill, versions: skill.versions.map(indexedVersion) };
}

function indexedVersion(version: StoredVersion): unknown {
  return { ...version, files: version.files.map(indexedFile) };
}

function indexedFile(file: StoredFile): IndexedFile {
  return { path: file.path, sha256: file.sha256, size: file.data.byteLength };
}

/** What a data folder held: the state, its sequence number, and whether to write it as a new snapshot (a log, or an old format). */
interface LoadedState {
  readonly state: EmulatorState;
  readonly seq: number;
  readonly rewrite: boolean;
}

function loadState(indexPath: string, logPath: string, blobs: BlobStore): LoadedState | null {
  const snapshot = readText(indexPath);
  const log = readText(logPath);
  if (snapshot === null && log === null) return null;
  const refuse = (path: string, reason: string): Error =>
    new Error(`${path} is not an emulator state file (${reason}); move it away or pick another --data folder.`);
  let parsed: unknown = { format: FORMAT, seq: 0, skills: [] };
  if (snapshot !== null) {
    try {
      parsed = JSON.parse(snapshot);
    } catch {
      throw refuse(indexPath, 'not JSON');
    }
  }
  if (!isObject(parsed) || !Array.isArray(parsed.skills) || !parsed.skills.every(isSkill)) throw refuse(indexPath, 'not the shape of one');
  if (parsed.format !== undefined && parsed.format !== FORMAT)
    throw refuse(indexPath, `format ${JSON.stringify(parsed.format)}, which this emulator does not read`);
  const snapshotSeq = typeof parsed.seq === 'number' && Number.isSafeInteger(parsed.seq) ? parsed.seq : 0;
  const entries = logEntries(log ?? '', (reason) => refuse(logPath, reason)).filter((entry) => entry.seq > snapshotSeq);
  const skills = parsed.skills;
  let state: EmulatorState;
  try {
    state = { skills: skills.map((skill) => ({ ...skill, versions: skill.versions.map((version) => loadVersion(version, blobs)) })) };
  } catch (error) {
    throw refuse(indexPath, messageOf(error));
  }
  try {
    for (const entry of entries) replay(state, entry, blobs);
  } catch (error) {
    throw refuse(logPath, messageOf(error));
  }
  const seq = entries.at(-1)?.seq ?? snapshotSeq;
  return { state, seq, rewrite: log !== null || parsed.format === undefined };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A line of the log, checked. */
type LogEntry = { readonly seq: number } & (
  | { readonly type: 'createSkill'; readonly skill: SavedSkill }
  | { readonly type: 'addVersion'; readonly skillId: string; readonly version: SavedVersion; readonly updatedAt: string }
  | { readonly type: 'deleteVersion'; readonly skillId: string; readonly key: string; readonly updatedAt: string }
  | { readonly type: 'deleteSkill'; readonly skillId: string }
);

/**
 * The log's entries in order. A last line without its line feed is a write the process was killed in: it was never
 * acknowledged, so it is dropped. Any other line that is not an entry is refused.
 */
function logEntries(text: string, refuse: (reason: string) => Error): LogEntry[] {
  const lines = text.split('\n');
  lines.pop();
  const entries: LogEntry[] = [];
  for (const [index, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw refuse(`line ${index + 1} is not JSON`);
    }
    if (!isLogEntry(value)) throw refuse(`line ${index + 1} is not a change`);
    entries.push(value);
  }
  return entries;
}

function replay(state: EmulatorState, entry: LogEntry, blobs: BlobStore): void {
  const skill = (id: string): StoredSkill => {
    const found = state.skills.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`change ${entry.seq} names skill ${id}, which does not exist`);
    return found;
  };
  switch (entry.type) {
    case 'createSkill':
      state.skills.push({ ...entry.skill, versions: entry.skill.versions.map((version) => loadVersion(version, blobs)) });
      return;
    case 'addVersion': {
      const target = skill(entry.skillId);
      target.versions.push(loadVersion(entry.version, blobs));
      target.updatedAt = entry.updatedAt;
      return;
    }
    case 'deleteVersion': {
      const target = skill(entry.skillId);
      const index = target.versions.findIndex((version) => version.key === entry.key);
      if (index < 0) throw new Error(`change ${entry.seq} deletes a version skill ${entry.skillId} does not have`);
      target.versions.splice(index, 1);
      target.updatedAt = entry.updatedAt;
      return;
    }
    case 'deleteSkill':
      state.skills.splice(state.skills.indexOf(skill(entry.skillId)), 1);
      return;
  }
}

/** A version as the index holds it: files by hash, or (format 1, before blobs) inline as base64. */
type SavedVersion = Omit<StoredVersion, 'files'> & {
  readonly files: ReadonlyArray<IndexedFile | { readonly path: string; readonly base64: string }>;
};
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

function isLogEntry(value: unknown): value is LogEntry {
  if (!isObject(value) || !Number.isSafeInteger(value.seq)) return false;
  const strings = (...keys: string[]): boolean => keys.every((key) => typeof value[key] === 'string');
  switch (value.type) {
    case 'createSkill':
      return isSkill(value.skill);
    case 'addVersion':
      return strings('skillId', 'updatedAt') && isVersion(value.version);
    case 'deleteVersion':
      return strings('skillId', 'key', 'updatedAt');
    case 'deleteSkill':
      return strings('skillId');
    default:
      return false;
  }
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
  return (
    typeof value.sha256 === 'string' && /^[0-9a-f]{64}$/.test(value.sha256) && Number.isSafeInteger(value.size) && Number(value.size) >= 0
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
