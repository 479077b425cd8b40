import * as vscode from 'vscode';

/** "Nov 12, 2026, 4:16 AM" in the display language, for an ISO date; undefined when it does not parse. */
export function dateTime(iso: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
