/** The API module, bundled as dist/api.js and loaded by the extension on first use. */
export type * from './types';
export { createSkillsClient } from './client';
export { createSdk } from './createSdk';
export { SkillsApiError } from './errors';
export { normaliseSkill, normaliseVersion } from './normalize';
export { listVersionsOfSkills, type VersionsOutcome, type VersionsOfSkillsOptions } from './versionsOfSkills';
export { deleteSkillAndVersions, type DeleteSkillOptions, type DeleteSkillResult, type DeleteSkillStep } from './deleteSkillAndVersions';
export { publishSkill, PublishRefusedError, type PublishOptions, type PublishResult, type PublishTarget } from './publishSkill';
export { downloadFileSet } from './downloadFileSet';
export { findVersion, latestOf, planRestore, restoreVersion, type RestorePlan } from './restoreVersion';
export { versionReference, type VersionReference } from './versionReference';
export * from '../chat';
export * from '../evals';
export {
  versionLabel,
  versionLabeler,
  versionLabelParts,
  versionOrdinals,
  versionTag,
  versionTime,
  type OrderedVersion,
  type VersionLabelParts,
} from './versionLabel';
