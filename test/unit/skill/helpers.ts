/** Small helpers shared by the skill unit tests. */
import { lintSkillMd, type LintOptions } from '../../../src/core/skill/lint';
import type { Diagnostic, Profile } from '../../../src/core/skill/types';

/** A SKILL.md with the given frontmatter lines and a one-line body. */
export function skillMd(...frontmatter: string[]): string {
  return ['---', ...frontmatter, '---', '', 'Do the thing.', ''].join('\n');
}

/** The valid frontmatter most tests start from. */
export const VALID = ['name: pdf-tools', 'description: Extracts tables from PDF files. Use when the user mentions PDFs.'];

/** Lints with the given profile (default claude-api). */
export function lint(text: string, options: Partial<LintOptions> = {}): Diagnostic[] {
  return lintSkillMd(text, { profile: 'claude-api', ...options });
}

/** The `rule:severity` pairs of a lint run, in order. */
export function ruleSeverities(text: string, profile: Profile = 'claude-api', options: Partial<LintOptions> = {}): string[] {
  return lint(text, { ...options, profile }).map((d) => `${d.rule}:${d.severity}`);
}

/** The diagnostics of one rule. */
export function only(diagnostics: readonly Diagnostic[], rule: Diagnostic['rule']): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === rule);
}
