/**
 * Every subcommand's arguments, read one way: a table of options for Node's `util.parseArgs`, `--help` and (when the
 * command has formats) `--format` added to it, usage errors worded alike and printed with the help, exit code 2.
 * A new flag is one line in a command's `options` and one in its usage text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { terminalOutput } from './terminalText';
import type { TextSink } from './textSink';
import { messageOf } from '../core/messageOf';

/** A table of options as `util.parseArgs` takes it. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

/** The options every command has besides its own: `--format` (used only when it has formats) and `--help`. */
type CommonOptions<Format extends string> = {
  format: { type: 'string'; default: Format };
  help: { type: 'boolean'; short: 'h'; default: false };
};

/** The values `util.parseArgs` reads with `Options` and the common options. */
export type OptionValues<Options extends OptionTable, Format extends string> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: Options & CommonOptions<Format> }>
>['values'];

/** What a command's `read` gets: the values of its options, its positionals and its `--format`. */
export interface ParsedArgs<Options extends OptionTable, Format extends string> {
  readonly values: OptionValues<Options, Format>;
  readonly positionals: readonly string[];
  /** The `--format` given, one of the command's formats (the first one when not given); `never` without formats. */
  readonly format: Format;
}

/** A subcommand's arguments: its name and help, its options and formats, and how a request is read from them. */
export interface CommandArgs<Options extends OptionTable, Format extends string, Request> {
  /** As typed after `skillsmith`. */
  readonly name: string;
  /** The help text (printed for --help, and after a usage error). */
  readonly usage: string;
  readonly options: Options;
  /** The values of `--format`, the first the default; none: the command has no `--format`. */
  readonly formats?: readonly [Format, ...Format[]];
  /** The request from the parsed arguments; throws `UsageError` when they do not make one. */
  readonly read: (parsed: ParsedArgs<Options, Format>) => Request;
}

/** A usage error: the message says what to change; the command prints it with its help and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Defines a command's arguments (the identity, for type inference of `options` and `formats`). */
export function commandArgs<const Options extends OptionTable, const Format extends string = never, Request = never>(
  command: CommandArgs<Options, Format, Request>,
): CommandArgs<Options, Format, Request> {
  return command;
}

/** The request `args` ask for, or `'help'` when they ask for --help; throws `UsageError` for anything else wrong. */
export function parseCommandArgs<Options extends OptionTable, Format extends string, Request>(
  command: CommandArgs<Options, Format, Request>,
  args: readonly string[],
): Request | 'help' {
  const formats = command.formats;
  const commonOptions = {
    help: { type: 'boolean', short: 'h', default: false },
    ...(formats ? { format: { type: 'string', default: formats[0] } } : {}),
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...command.options, ...commonOptions } });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const common = parsed.values as { readonly help?: boolean; readonly format?: string };
  if (common.help === true) return 'help';
  // Without formats, Format is `never` and `read` has no format to look at.
  const format = formats ? oneOf('format', String(common.format), formats) : (undefined as never);
  return command.read({ values: parsed.values, positionals: parsed.positionals, format });
}

/** Where a command prints its help and its usage errors. */
export interface UsageIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

/**
 * Runs a command: prints the help for --help (exit 0), a usage error with the help (exit 2), else resolves with
 * the exit code of `body` given the request.
 */
export async function runWithArgs<Options extends OptionTable, Format extends string, Request>(
  command: CommandArgs<Options, Format, Request>,
  args: readonly string[],
  body: (request: Request) => Promise<number>,
  io: UsageIo = process,
): Promise<number> {
  let request: Request | 'help';
  try {
    request = parseCommandArgs(command, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    terminalOutput(io.stderr).text(`skillsmith ${command.name}: ${error.message}\n\n${command.usage}\n`);
    return 2;
  }
  if (request === 'help') {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return body(request);
}

/** `value` when it is one of `allowed`; else throws `UsageError` naming the flag's choices. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown ${flag} '${value}': use one of ${allowed.join(', ')}.`);
}

/** The whole number `raw` of `--flag`, from `min` to `max`; undefined when not given; throws `UsageError` otherwise. */
export function wholeNumber(flag: string, raw: string | undefined, min: number, max = Infinity): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new UsageError(
    `--${flag} must be a whole number ${max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`}, not '${raw}'.`,
  );
}

/** A `util.parseArgs` error said shortly: which option is unknown or needs a value. */
function usageMessage(error: unknown): string {
  const message = messageOf(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Unknown option '${unknown[1]}'.`;
  const flag = /^Option '(?:-\w, )?(--[^' ]+)/.exec(message)?.[1];
  if (flag && message.includes('argument missing')) return `${flag} needs a value.`;
  if (flag && message.includes('ambiguous')) return `${flag} needs a value (write ${flag}=VALUE for one that starts with -).`;
  if (flag && message.includes('does not take an argument')) return `${flag} takes no value.`;
  return message;
}
