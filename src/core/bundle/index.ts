/** The files of a skill folder as an upload sees them: walk, excludes, secrets, size, zip in and out, hash and diff. */
export {
  collectSkillFiles,
  DEFAULT_EXCLUDES,
  SKILLIGNORE,
  type CollectOptions,
  type LeftOutFile,
  type SkillFile,
  type SkillFiles,
} from './collectSkillFiles';
export { SkillFileRules, type EntryKind } from './fileRules';
export { LEFT_OUT_REASONS, type LeftOutReason } from './leftOutReason';
export { looksLikeSecret } from './secrets';
export {
  checkUpload,
  checkDisplayName,
  DEFAULT_UPLOAD_LIMIT_BYTES,
  DISPLAY_NAME_LIMIT,
  formatBytes,
  largestFiles,
  totalBytes,
} from './uploadChecks';
export { uploadIndexOf, type UploadIndex } from './uploadIndex';
export { prepareUpload, readPreparedFiles, type PreparedUpload, type UploadOptions } from './prepareUpload';
export { fileSetBytes, folderNameOf, readFileSet, toFolderFiles, type FileSet, type FileSetEntry, type FolderFile } from './fileSet';
export { zipFileSet } from './zipFileSet';
export { unzipFileSet } from './unzipFileSet';
export { hashFileSet } from './hashFileSet';
export { diffFileSets, isBinary, isIdentical, type ChangedFile, type FileSetDiff } from './diffFileSets';
export { formatUnifiedDiff } from './unifiedDiff';
