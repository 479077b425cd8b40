/** How the CLI words an eval file problem: the file named relative to the working folder, like lint's paths. */
import { EvalFileError } from '../core/evals/evalFiles';
import { messageOf } from '../core/messageOf';
import { relativePath } from './lintReport';

/** The message of `error`; an `EvalFileError` names its file relative to the current folder, never absolute. */
export function evalErrorText(error: unknown): string {
  return error instanceof EvalFileError ? error.naming(relativePath(process.cwd(), error.file)) : messageOf(error);
}
