/** Fix-all: applies the preferred text fix of every diagnostic, re-linting after each, until nothing is left to fix. */
import { applyEdits } from './applyEdits';
import { lintSkillMd, type LintOptions } from './lint';

/** At most this many fixes are applied, so fixes that undo each other cannot loop forever. */
const MAX_FIXES = 100;

/** The text with every diagnostic's preferred text fix applied (folder renames are not applied). */
export function fixAll(text: string, options: LintOptions): string {
  let current = text;
  for (let round = 0; round < MAX_FIXES; round++) {
    const fix = lintSkillMd(current, options)
      .flatMap((d) => d.fixes)
      .find((f) => f.isPreferred && f.edits.length > 0);
    if (!fix) break;
    const next = applyEdits(current, fix.edits);
    if (next === current) break;
    current = next;
  }
  return current;
}
