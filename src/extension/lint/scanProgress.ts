import * as vscode from 'vscode';
import { formatCount } from '../../core/text/count';
import type { LintInStepsOptions } from '../../core/skill/lintFolderInSteps';

/** How long a scan runs before a notification shows its progress and offers to cancel it. */
const NOTIFY_AFTER_MS = 1_000;

/** What `withScanProgress` hands the scan: the signal its Cancel aborts, and where to tell its progress. */
export type ScanProgress = Required<Pick<LintInStepsOptions, 'signal' | 'onProgress'>>;

/**
 * Runs `scan` with its progress in the status bar (titled `title`) and, once it has run for a second, in a
 * notification that counts the files and can cancel it. Resolves to the scan's result, or undefined when cancelled.
 */
export async function withScanProgress<T>(title: string, scan: (progress: ScanProgress) => Promise<T>): Promise<T | undefined> {
  const cancelled = new AbortController();
  let tell: ((done: number, total: number) => void) | undefined;
  const running = scan({ signal: cancelled.signal, onProgress: (done, total) => tell?.(done, total) });
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => settled);
  const notify = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => cancelled.abort());
      let shown = 0;
      tell = (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent === shown) return;
        progress.report({ increment: percent - shown, message: filesDone(done, total) });
        shown = percent;
      };
      return settled;
    });
  }, NOTIFY_AFTER_MS);
  try {
    return await running;
  } catch (error) {
    if (cancelled.signal.aborted) return undefined;
    throw error;
  } finally {
    clearTimeout(notify);
  }
}

/** "120 of 3,000 files". */
function filesDone(done: number, total: number): string {
  return total === 1
    ? vscode.l10n.t('{0} of 1 file', formatCount(done))
    : vscode.l10n.t('{0} of {1} files', formatCount(done), formatCount(total));
}
