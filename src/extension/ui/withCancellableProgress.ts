import * as vscode from 'vscode';
import { abortOnCancel } from '../../core/async/abortOnCancel';

/**
 * A cancellable progress notification whose Cancel button aborts the requests of `task`: the task gets an
 * `AbortSignal` tied to the notification's cancellation token, to hand to every client call it makes.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, signal: AbortSignal) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const linked = abortOnCancel(token);
      try {
        return await task(progress, linked.signal);
      } finally {
        linked.dispose();
      }
    },
  );
}
