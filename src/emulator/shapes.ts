import { betaVersionId, gaVersionId } from './ids';
import type { StoredSkill, StoredVersion } from './model';

/** A JSON body. */
export type Json = Record<string, unknown>;

/** A skill in the GA shape, or the beta shape when `beta`. */
export function skillJson(skill: StoredSkill, beta: boolean): Json {
  const latest = skill.versions.at(-1);
  const common = { id: skill.id, type: 'skill', created_at: skill.createdAt, updated_at: skill.updatedAt };
  return beta
    ? { ...common, display_title: skill.displayName, latest_version: latest?.label ?? null, source: skill.source }
    : {
        ...common,
        display_name: skill.displayName,
        latest_version_id: latest ? gaVersionId(latest.key) : null,
        source: { type: skill.source },
      };
}

/** A version in the GA shape, or the beta shape when `beta`. */
export function versionJson(skill: StoredSkill, version: StoredVersion, beta: boolean): Json {
  const common = {
    type: 'skill_version',
    skill_id: skill.id,
    name: version.name,
    description: version.description,
    created_at: version.createdAt,
  };
  return beta
    ? { id: betaVersionId(version.key), ...common, directory: version.directory, version: version.label }
    : { id: gaVersionId(version.key), ...common };
}

/** The id a deleted version is reported under in this shape. */
export function versionIdIn(version: StoredVersion, beta: boolean): string {
  return beta ? betaVersionId(version.key) : gaVersionId(version.key);
}
