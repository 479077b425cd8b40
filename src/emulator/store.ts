import { badRequest, forbidden, notFound } from './apiError';
import { sha256Of } from './blobStore';
import { betaVersionId, gaVersionId, newSkillId, newVersionLabel, randomKey } from './ids';
import { skillKey, sortNewestFirst } from './order';
import type { EmulatorState, StoredSkill, StoredSource, StoredVersion } from './model';
import type { StateChange } from './persistence';
import type { CheckedUpload } from './upload';

/**
 * The skills the emulator serves, with the service's rules on changing them. Each change is handed to `save` (what
 * changed, and the state after it) before it is answered; when `save` throws, the change is undone, so a failed
 * save leaves no trace.
 */
export class SkillStore {
  private skills: StoredSkill[];

  constructor(
    state: EmulatorState,
    private readonly save: (change: StateChange, state: EmulatorState) => void = () => {},
  ) {
    this.skills = [...state.skills];
  }

  /** The current state (for persistence). */
  get state(): EmulatorState {
    return { skills: this.skills };
  }

  /** Replaces every skill at once (reset, seeding, benchmarks). */
  replaceAll(skills: readonly StoredSkill[]): void {
    const before = this.skills;
    this.change(
      { type: 'replaceAll' },
      () => (this.skills = [...skills]),
      () => (this.skills = before),
    );
  }

  /** Skills newest first (by creation time, then id), optionally only those of one source. */
  list(source?: string): StoredSkill[] {
    const newestFirst = sortNewestFirst(this.skills, skillKey);
    return source ? newestFirst.filter((skill) => skill.source === source) : newestFirst;
  }

  /** The skill with this id, or a 404. */
  find(skillId: string): StoredSkill {
    const skill = this.skills.find((candidate) => candidate.id === skillId);
    if (!skill) throw notFound(`Skill ${skillId} not found.`);
    return skill;
  }

  /** Creates a skill with its first version. */
  createSkill(upload: CheckedUpload, displayName: string | undefined, source: StoredSource = 'custom'): StoredSkill {
    const version = makeVersion(upload);
    const skill: StoredSkill = {
      id: newSkillId(),
      displayName: displayName ?? upload.name,
      source,
      createdAt: version.createdAt,
      updatedAt: version.createdAt,
      name: upload.name,
      versions: [version],
    };
    this.change(
      { type: 'createSkill', skill },
      () => this.skills.push(skill),
      () => this.skills.pop(),
    );
    return skill;
  }

  /** Adds a version; its frontmatter name must match the skill's. */
  addVersion(skill: StoredSkill, upload: CheckedUpload): StoredVersion {
    assertWritable(skill);
    if (upload.name !== skill.name) {
      throw badRequest(
        `The SKILL.md name "${upload.name}" does not match this skill's name "${skill.name}"; every version of a skill must keep the same name.`,
      );
    }
    const version = makeVersion(upload);
    const updatedAt = skill.updatedAt;
    this.change(
      { type: 'addVersion', skillId: skill.id, version, updatedAt: version.createdAt },
      () => {
        skill.versions.push(version);
        skill.updatedAt = version.createdAt;
      },
      () => {
        skill.versions.pop();
        skill.updatedAt = updatedAt;
      },
    );
    return version;
  }

  /** Resolves `latest`, a GA id, a beta id or a version label; 404 when none matches. */
  findVersion(skill: StoredSkill, ref: string): StoredVersion {
    const version =
      ref === 'latest'
        ? skill.versions.at(-1)
        : skill.versions.find((v) => ref === v.label || ref === gaVersionId(v.key) || ref === betaVersionId(v.key));
    if (!version) throw notFound(`Version ${ref} of skill ${skill.id} not found.`);
    return version;
  }

  /** Deletes one version. */
  deleteVersion(skill: StoredSkill, ref: string): StoredVersion {
    assertWritable(skill);
    const version = this.findVersion(skill, ref);
    const index = skill.versions.indexOf(version);
    const updatedAt = skill.updatedAt;
    const deletedAt = new Date().toISOString();
    this.change(
      { type: 'deleteVersion', skillId: skill.id, key: version.key, updatedAt: deletedAt },
      () => {
        skill.versions.splice(index, 1);
        skill.updatedAt = deletedAt;
      },
      () => {
        skill.versions.splice(index, 0, version);
        skill.updatedAt = updatedAt;
      },
    );
    return version;
  }

  /** Deletes a skill that has no versions left (the service refuses otherwise, with 400). */
  deleteSkill(skill: StoredSkill): void {
    assertWritable(skill);
    if (skill.versions.length > 0) {
      throw badRequest(`Skill ${skill.id} still has ${skill.versions.length} version(s); delete its versions before deleting the skill.`);
    }
    const before = this.skills;
    this.change(
      { type: 'deleteSkill', skillId: skill.id },
      () => (this.skills = this.skills.filter((candidate) => candidate !== skill)),
      () => (this.skills = before),
    );
  }

  /** Applies a change, saves it, and undoes the change when saving fails (then rethrows). */
  private change(change: StateChange, apply: () => void, undo: () => void): void {
    apply();
    try {
      this.save(change, this.state);
    } catch (error) {
      undo();
      throw error;
    }
  }
}

/** Anthropic skills are shared and read-only: changing them is a 403. */
function assertWritable(skill: StoredSkill): void {
  if (skill.source !== 'custom') throw forbidden(`Skill ${skill.id} is an Anthropic skill and is read-only.`);
}

/** A stored version made from a checked upload. */
export function makeVersion(upload: CheckedUpload, createdAt = new Date()): StoredVersion {
  return {
    key: randomKey(),
    label: newVersionLabel(createdAt.getTime()),
    name: upload.name,
    description: upload.description,
    directory: upload.directory,
    createdAt: createdAt.toISOString(),
    files: upload.files.map((file) => ({ path: file.path, data: file.data, sha256: sha256Of(file.data) })),
  };
}
