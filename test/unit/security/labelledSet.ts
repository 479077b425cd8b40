/** The labelled set of the security scan (test/fixtures/security): skill folders, each with the rules it must raise. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintSkillFolder } from '../../../src/core/skill/folder';
import { isSecurityRule } from '../../../src/core/skill/rules';
import type { Profile, RuleId } from '../../../src/core/skill/types';
import { writeGeneratedFixtures } from '../../support/generatedFixtures';

/** Where the labelled folders are. */
export const LABELLED_ROOT = path.join(__dirname, '..', '..', 'fixtures', 'security');

/** One labelled folder: a threat (its rules) or a benign look-alike (none). */
export interface LabelledCase {
  readonly name: string;
  readonly dir: string;
  readonly profile: Profile;
  readonly expect: readonly RuleId[];
}

/** Every labelled folder, in the order of labels.json. */
export function labelledCases(): LabelledCase[] {
  writeGeneratedFixtures();
  const labels = JSON.parse(readFileSync(path.join(LABELLED_ROOT, 'labels.json'), 'utf8')) as Record<
    string,
    { profile: Profile; expect: RuleId[] }
  >;
  return Object.entries(labels).map(([name, { profile, expect }]) => ({
    name,
    dir: path.join(LABELLED_ROOT, 'labelled', name),
    profile,
    expect,
  }));
}

/** The security rules a lint of the folder raises, sorted, each once. */
export function securityRulesOf(dir: string, profile: Profile): RuleId[] {
  const { diagnostics } = lintSkillFolder(dir, { profile });
  return [...new Set(diagnostics.map((d) => d.rule).filter(isSecurityRule))].sort();
}
