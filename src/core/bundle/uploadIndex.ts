/** Answers the link checks' question, "is this path in the upload, and if not, is it left out on purpose?". */
import type { SkillFiles } from './collectSkillFiles';
import type { LeftOutReason } from './fileRules';

/** What the linter asks about a folder-relative POSIX path named by a link; plain functions, handed on as they are. */
export interface UploadIndex {
  /** The path is a file of the upload, or a folder holding one. */
  readonly has: (relativePath: string) => boolean;
  /** Why the path, or a folder above it, is left out of uploads; undefined when nothing left out covers it. */
  readonly leftOutReason: (relativePath: string) => LeftOutReason | undefined;
}

/** The index of one collected folder, used alike by the CLI, the editor and publish. */
export function uploadIndexOf(collected: SkillFiles): UploadIndex {
  const present = new Set<string>();
  for (const { relativePath } of collected.files) {
    for (let slash = relativePath.indexOf('/'); slash >= 0; slash = relativePath.indexOf('/', slash + 1))
      present.add(relativePath.slice(0, slash));
    present.add(relativePath);
  }
  const leftOut =
    collected.leftOut.length === 0
      ? undefined
      : new Map(collected.leftOut.map(({ relativePath, reason }) => [relativePath.replace(/\/$/, ''), reason]));
  return {
    has: (relativePath) => present.has(relativePath),
    leftOutReason: (relativePath) => {
      if (leftOut === undefined) return undefined;
      const segments = relativePath.split('/');
      for (let depth = 1; depth <= segments.length; depth++) {
        const reason = leftOut.get(segments.slice(0, depth).join('/'));
        if (reason !== undefined) return reason;
      }
      return undefined;
    },
  };
}
