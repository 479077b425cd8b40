import type * as vscode from 'vscode';
import type { FrontmatterEntry, ParsedSkillMd } from '../../core/skill/parse';

/** Whether `line` lies between the frontmatter's delimiter lines (an unclosed frontmatter runs to the end). */
export function isInFrontmatter(parsed: ParsedSkillMd, line: number): boolean {
  const frontmatter = parsed.frontmatter;
  return frontmatter !== undefined && line > frontmatter.open && (frontmatter.close === undefined || line < frontmatter.close);
}

/** The top-level entry whose key is under `position`, if any. */
export function entryWithKeyAt(parsed: ParsedSkillMd, position: vscode.Position): FrontmatterEntry | undefined {
  return parsed.entries.find(
    ({ keyRange }) =>
      keyRange.start.line === position.line &&
      keyRange.start.character <= position.character &&
      position.character <= keyRange.end.character,
  );
}
