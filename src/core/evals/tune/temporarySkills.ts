/**
 * The temporary skills of a tuning: each candidate description uploaded as a skill of its own (the same files, its
 * SKILL.md with the candidate), and every one of them deleted, versions first, whatever happens. The user's skill
 * and its versions are never touched: only ids this object created are deleted.
 */
import { deleteSkillAndVersions } from '../../api/deleteSkillAndVersions';
import type { SkillsClient } from '../../api/types';
import { toFolderFiles, type FileSet } from '../../bundle/fileSet';
import { messageOf } from '../../messageOf';
import { withDescription } from './candidateDescription';

/** The longest display name the service takes. */
const MAX_DISPLAY_NAME = 64;

/** The temporary skills made so far, and their removal. */
export class TemporarySkills {
  private readonly live = new Set<string>();
  private made = 0;

  constructor(
    private readonly client: SkillsClient,
    /** The skill folder's files as read once; `skillMdPath` is its SKILL.md's path among them. */
    private readonly files: FileSet,
    private readonly skillMdPath: string,
    private readonly skillName: string,
  ) {}

  /**
   * Uploads a skill whose SKILL.md has `description`; resolves with its id. The upload is not cancelled half way
   * (a skill made by a request whose answer was lost could not be found to delete); the caller checks its signal after.
   */
  async create(description: string): Promise<string> {
    const files = this.files.files.map((file) =>
      file.path === this.skillMdPath
        ? { path: file.path, data: new TextEncoder().encode(withDescription(new TextDecoder().decode(file.data), description)) }
        : file,
    );
    const displayName = `${this.skillName} (tuning ${++this.made})`.slice(0, MAX_DISPLAY_NAME);
    const skill = await this.client.createSkill(toFolderFiles({ folderName: this.files.folderName, files }), displayName);
    this.live.add(skill.id);
    return skill.id;
  }

  /** Deletes one temporary skill, versions first. */
  async delete(skillId: string): Promise<void> {
    if (!this.live.has(skillId)) return;
    await deleteSkillAndVersions(this.client, skillId);
    this.live.delete(skillId);
  }

  /** Deletes every temporary skill still there; resolves with the ids that could not be deleted (and why). Never rejects. */
  async deleteAll(): Promise<{ skillId: string; reason: string }[]> {
    const left: { skillId: string; reason: string }[] = [];
    for (const skillId of [...this.live]) {
      try {
        await this.delete(skillId);
      } catch (error) {
        left.push({ skillId, reason: messageOf(error) });
      }
    }
    return left;
  }

  /** Ids of the temporary skills not deleted yet. */
  get remaining(): readonly string[] {
    return [...this.live];
  }
}
