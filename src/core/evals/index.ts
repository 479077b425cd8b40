/** Skill evals: skill-creator's eval files, runs through the Messages API, grading, aggregation and its result shapes. */
export type * from './types';
export { EvalFileError, OUTPUT_EVALS_FILE, TRIGGER_EVALS_FILE, parseOutputEvals, parseTriggerEvals } from './evalFiles';
export { skillUses, triggered, type SkillUse } from './skillActivity';
export { answerText, runChecks, type GradedExpectation } from './checks';
export { GRADER_TOOL, gradeExpectations, graderPrompt, readVerdicts, type GraderOptions, type Grading } from './grader';
export * from './plan';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_REQUESTS,
  DEFAULT_RUNS,
  estimateRun,
  runEvals,
  type CaseRun,
  type EvalRunOptions,
  type EvalRunResult,
  type EvalSkill,
} from './runEvals';
export { runPassRate, summariseCases, summariseConfigurations, type CaseSummary, type ConfigurationSummary } from './summary';
export { statsOf, signed, type Stats } from './stats';
export { benchmarkJson, gradingJson, triggerResultsJson, type BenchmarkMetadata } from './reports';
export { RESULTS_FOLDER, writeResults, type ResultFiles } from './writeResults';
export { transcriptOf } from './transcript';
export { loadEvals, readSkillIdentity, skillIdentityOf, type LoadedEvals } from './loadEvals';
export { scaffoldOutputEvals, scaffoldTriggerEvals } from './scaffoldEvals';
export { saveResults, shouldTriggerOf, type RunDescription, type SavedRun } from './saveResults';
export { comparisonMarkdown, type ComparisonInput } from './comparison';
export { InputFileError, MAX_INPUT_FILE_BYTES, uploadInputFiles } from './inputFiles';
export { TuneError, tuneDescription, tuningEstimate, DEFAULT_PROPOSALS, type TuneEvent, type TuneResult } from './tune/tuneDescription';
export { descriptionEdit, withDescription } from './tune/candidateDescription';
