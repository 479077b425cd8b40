/** The files of a skill folder as an upload sees them: walk, excludes, secrets, size and name limits. */
export { collectSkillFiles, DEFAULT_EXCLUDES, SKILLIGNORE, type CollectOptions, type SkillFile, type SkillFiles } from './collectSkillFiles';
export { looksLikeSecret } from './secrets';
export { checkUpload, checkDisplayName, DEFAULT_UPLOAD_LIMIT_BYTES, DISPLAY_NAME_LIMIT } from './uploadChecks';
