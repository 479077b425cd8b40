/**
 * Skill evals in skill-creator's formats (anthropics/skills, `skills/skill-creator/references/schemas.md`):
 * output evals in `evals/evals.json`, trigger evals as `[{query, should_trigger}]`. Plain data only.
 */

/** A deterministic check beside `expectations`, for what needs no judge (a Skillsmith addition). */
export type EvalCheck =
  | { readonly type: 'contains'; readonly value: string }
  | { readonly type: 'matches'; readonly pattern: string; readonly flags?: string }
  | { readonly type: 'file_exists'; readonly name: string }
  | { readonly type: 'script_ran'; readonly script: string };

/** One output case of `evals.json`. */
export interface OutputEvalCase {
  readonly id: number;
  readonly prompt: string;
  readonly expectedOutput: string;
  /** Input file paths relative to the skill folder. */
  readonly files: readonly string[];
  readonly expectations: readonly string[];
  readonly checks: readonly EvalCheck[];
  /** 0-based line of the case's `{` in the file, for links and test ranges. */
  readonly line: number;
}

/** `evals/evals.json`. */
export interface OutputEvalFile {
  readonly skillName: string;
  readonly evals: readonly OutputEvalCase[];
}

/** One trigger case: should this query make the model use the skill? */
export interface TriggerEvalCase {
  /** Its position in the file (0-based), its identity in results. */
  readonly index: number;
  readonly query: string;
  readonly shouldTrigger: boolean;
  /** 0-based line of the case's `{` in the file. */
  readonly line: number;
}
