/** Text from files and models made safe for a terminal: a linted repository or a model reply must not be able to drive it. */
import type { TextSink } from './textSink';

/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional controls (which can make a line read
 * differently from what it holds).
 */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${CONTROLS}]`, 'g');
/** The same, but for line feed and tab: what streamed text may keep. */
const CONTROL_BUT_LINES = new RegExp(`(?![\\n\\t])[${CONTROLS}]`, 'g');

/** `text` with every control character, line feed and tab too, written as a visible escape (`\x1B`, `\u202E`): one finding stays one line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, visibleEscape);
}

/** `text` with every control character but line feed and tab written as a visible escape, as `escapeControls` writes it. */
export function escapeText(text: string): string {
  return text.replace(CONTROL_BUT_LINES, visibleEscape);
}

function visibleEscape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The one way a subcommand writes to a terminal. File names and contents, model output and the service's error
 * messages are hostile (an OSC 52 sets the clipboard, an OSC 0 retitles the window), so `text` escapes control
 * characters; only output already made safe (lint's report, with its colours) goes through `formatted`.
 */
export interface TerminalOutput {
  /** Writes `text` with every control character but line feed and tab escaped (`escapeText`). */
  text(text: string): void;
  /** Writes a JSON document and a line feed (JSON escapes control characters itself). */
  json(value: unknown): void;
  /** Writes text that is safe already: lint's report (with its colours), a JSON report written out. */
  formatted(text: string): void;
}

/** The `TerminalOutput` of `stream`. */
export function terminalOutput(stream: TextSink): TerminalOutput {
  return {
    text: (text) => void stream.write(escapeText(text)),
    json: (value) => void stream.write(`${JSON.stringify(value)}\n`),
    formatted: (text) => void stream.write(text),
  };
}

/** Model or tool output made safe for a terminal: control characters dropped, line feeds and tabs kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_BUT_LINES, '');
}

/** Text on one line, cut to `max` characters, made terminal-safe (it may come from a model or an eval file). */
export function oneLine(text: string, max: number): string {
  const flat = terminalSafe(text.replace(/\s+/g, ' ')).trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
