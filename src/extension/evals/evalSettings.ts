import * as vscode from 'vscode';
import { DEFAULT_MAX_TOKENS } from '../../core/chat/defaultModel';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_REQUESTS, DEFAULT_RUNS } from '../../core/evals/runEvals';
import { chatConfiguration } from '../services/chatConfiguration';
import type { ApiForm } from '../../core/chat/session';
import type { RunDescription } from '../../core/evals/saveResults';

/** How eval runs are made: the `skillsmith.evals.*` settings, with the chat's model and API form (named as `runEvals`'s options). */
export interface EvalSettings {
  readonly model: string;
  /** `skillsmith.evals.graderModel`, or the model when it is empty. */
  readonly graderModel: string;
  readonly runs: number;
  readonly maxRequests: number;
  readonly concurrency: number;
  readonly maxTokens: number;
  readonly apiForm: ApiForm;
}

/** Reads the settings now (for the skill folder `folder`, as `resource`-scoped settings may differ per folder). */
export function evalSettings(folder: vscode.Uri): EvalSettings {
  const chat = chatConfiguration();
  const settings = vscode.workspace.getConfiguration('skillsmith.evals', folder);
  const whole = (key: string, fallback: number, min: number, max: number): number => {
    const value = Math.trunc(settings.get<number>(key, fallback));
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  return {
    model: chat.defaultModel,
    graderModel: settings.get<string>('graderModel', '').trim() || chat.defaultModel,
    runs: whole('runs', DEFAULT_RUNS, 1, 100),
    maxRequests: whole('maxRequests', DEFAULT_MAX_REQUESTS, 1, Number.MAX_SAFE_INTEGER),
    concurrency: DEFAULT_CONCURRENCY,
    maxTokens: DEFAULT_MAX_TOKENS,
    apiForm: chat.apiForm,
  };
}

/** What `saveResults` writes into `benchmark.json` about a run made with `settings`. */
export function resultsDescription(settings: EvalSettings): RunDescription {
  return { model: settings.model, graderModel: settings.graderModel, runsPerCase: settings.runs };
}
