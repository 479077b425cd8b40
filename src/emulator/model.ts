/** The emulator's state as it holds it in memory. */

/** One uploaded file; `path` starts with the version's top-level folder. */
export interface StoredFile {
  readonly path: string;
  readonly data: Uint8Array;
  /** The SHA-256 of `data` (hex): it names the file's blob in a `--data` folder. */
  readonly sha256: string;
}

/** A version of a skill. `key` is the random part of its ids (`skver_<key>`, `skillver_<key>`). */
export interface StoredVersion {
  readonly key: string;
  /** The beta-shape label: a Unix epoch in microseconds. */
  readonly label: string;
  readonly name: string;
  readonly description: string;
  readonly directory: string;
  readonly createdAt: string;
  readonly files: readonly StoredFile[];
}

/** Where a stored skill comes from; `anthropic` skills are read-only. */
export type StoredSource = 'custom' | 'anthropic';

/** A skill and its versions, oldest version first. */
export interface StoredSkill {
  readonly id: string;
  displayName: string;
  readonly source: StoredSource;
  readonly createdAt: string;
  updatedAt: string;
  /** The frontmatter `name` every version of this skill must keep. */
  readonly name: string;
  readonly versions: StoredVersion[];
}

/** Everything the emulator keeps, newest skill last. */
export interface EmulatorState {
  readonly skills: StoredSkill[];
}
