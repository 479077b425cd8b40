/** How a Messages request names one version of a skill: an entry of `container.skills`. */
import type { SkillSource, SkillVersion } from './types';

/** A version as `container.skills` in a Messages request names it. */
export interface VersionReference {
  readonly type: 'custom' | 'anthropic';
  readonly skill_id: string;
  readonly version: string;
}

/** The `{type, skill_id, version}` object that names `version` (of a skill from `source`) in `container.skills`. */
export function versionReference(version: Pick<SkillVersion, 'skillId' | 'ref'>, source: SkillSource = 'custom'): VersionReference {
  return { type: source === 'anthropic' ? 'anthropic' : 'custom', skill_id: version.skillId, version: version.ref };
}
