import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState } from './model';

const STATE_FILE = 'skills-emulator-state.json';

/** Reads the state saved in `dataDir`, or null when there is none yet. */
export function loadState(dataDir: string): EmulatorState | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    // Reported below.
  }
  if (!isState(state)) {
    throw new Error(`${join(dataDir, STATE_FILE)} is not an emulator state file; move it away or pick another --data folder.`);
  }
  return { skills: state.skills };
}

/** Whether parsed JSON has the state's shape, down to each version's files. */
function isState(value: unknown): value is EmulatorState {
  return isObject(value) && Array.isArray(value.skills) && value.skills.every(isStoredSkill);
}

function isStoredSkill(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    (value.source === 'custom' || value.source === 'anthropic') &&
    Array.isArray(value.versions) &&
    value.versions.every((version) => isObject(version) && typeof version.key === 'string' && Array.isArray(version.files))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Saves the state atomically: a temporary file renamed over the old one, so a crash never leaves half a file. */
export function saveState(dataDir: string, state: EmulatorState): void {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, STATE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, target);
}
