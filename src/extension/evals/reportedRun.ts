import * as vscode from 'vscode';

/** How a case item ended in a run, as the run reported it to the Test Explorer. */
export interface CaseReport {
  readonly id: string;
  readonly state: 'passed' | 'failed' | 'errored' | 'skipped';
  /** The failure's or error's message, empty for a pass or a skip. */
  readonly message: string;
}

/**
 * A test run that also keeps what it reported per item, so the run handler can say how it went. Results go to the
 * item's current object (`current`): the items may be rebuilt while a run is under way.
 */
export class ReportedRun {
  readonly reports: CaseReport[] = [];
  private readonly done = new Set<string>();

  constructor(
    readonly run: vscode.TestRun,
    private readonly current: (item: vscode.TestItem) => vscode.TestItem,
  ) {}

  /** True once the item was passed, failed, errored or skipped. */
  has(item: vscode.TestItem): boolean {
    return this.done.has(item.id);
  }

  passed(item: vscode.TestItem, durationMs?: number): void {
    this.run.passed(this.current(item), durationMs);
    this.add(item, 'passed', '');
  }

  failed(item: vscode.TestItem, message: vscode.TestMessage, durationMs?: number): void {
    this.run.failed(this.current(item), message, durationMs);
    this.add(item, 'failed', textOf(message));
  }

  errored(item: vscode.TestItem, message: vscode.TestMessage, durationMs?: number): void {
    this.run.errored(this.current(item), message, durationMs);
    this.add(item, 'errored', textOf(message));
  }

  skipped(item: vscode.TestItem): void {
    this.run.skipped(this.current(item));
    this.add(item, 'skipped', '');
  }

  private add(item: vscode.TestItem, state: CaseReport['state'], message: string): void {
    this.done.add(item.id);
    this.reports.push({ id: item.id, state, message });
  }
}

function textOf(message: vscode.TestMessage): string {
  return typeof message.message === 'string' ? message.message : message.message.value;
}
