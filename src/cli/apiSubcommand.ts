/** What `run` and `eval` share: their argument frame, the SDK made from the environment, and the model choice. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type Anthropic from '@anthropic-ai/sdk';
import { createSdk } from '../core/api/createSdk';
import { defaultModel, FALLBACK_MODEL } from '../core/chat/defaultModel';
import { listModels } from '../core/chat/serviceCalls';
import { terminalOutput, type TextSink } from './terminalText';

/** The options every API subcommand has besides its own: `--format` (the first format is the default) and `--help`. */
type CommonOptions<Format extends string> = { format: { type: 'string'; default: Format }; help: { type: 'boolean'; short: 'h'; default: false } };

/** What `readArgs` read: the values of every option, the positionals, `--help` and a known `--format`. */
export interface ReadArgs<Options extends NonNullable<ParseArgsConfig['options']>, Format extends string> {
  readonly values: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: Options & CommonOptions<Format> }>>['values'];
  readonly positionals: string[];
  readonly help: boolean;
  readonly format: Format;
}

/** Reads `args` with the subcommand's `options` plus `--format` (one of `formats`) and `--help`; or says what is wrong. */
export function readArgs<const Options extends NonNullable<ParseArgsConfig['options']>, const Format extends string>(
  args: readonly string[],
  options: Options,
  formats: readonly [Format, ...Format[]],
): ReadArgs<Options, Format> | { readonly error: string } {
  const common: CommonOptions<Format> = { format: { type: 'string', default: formats[0] }, help: { type: 'boolean', short: 'h', default: false } };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { ...options, ...common } });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const read = parsed.values as { readonly format?: unknown; readonly help?: unknown };
  const format = String(read.format);
  if (!(formats as readonly string[]).includes(format)) return { error: `Unknown format '${format}': use ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}.` };
  return { values: parsed.values as ReadArgs<Options, Format>['values'], positionals: parsed.positionals, help: read.help === true, format: format as Format };
}

/** Where an API subcommand reads its key and writes its complaints. */
export interface ApiIo {
  readonly stderr: TextSink;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The SDK for `skillsmith NAME`, with the key from ANTHROPIC_API_KEY and the base URL from `baseUrl`, else
 * ANTHROPIC_BASE_URL; null after saying what to set when there is no key.
 */
export function sdkFromEnvironment(name: string, baseUrl: string | undefined, io: ApiIo): Anthropic | null {
  const apiKey = io.env['ANTHROPIC_API_KEY']?.trim();
  if (!apiKey) {
    io.stderr.write(`skillsmith ${name}: set ANTHROPIC_API_KEY to an Anthropic API key (the key is read from the environment only).\n`);
    return null;
  }
  return createSdk({ apiKey, baseUrl: baseUrl ?? (io.env['ANTHROPIC_BASE_URL']?.trim() || undefined) });
}

/** `given`, else a current model from the service's list; the fallback (with a note) when the list is unavailable. */
export async function chooseModel(name: string, given: string | undefined, sdk: Anthropic, io: ApiIo): Promise<string> {
  if (given) return given;
  try {
    return defaultModel(await listModels(sdk));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    terminalOutput(io.stderr).text(`skillsmith ${name}: could not list the models (${reason}); using ${FALLBACK_MODEL}. Pass --model to choose.\n`);
    return FALLBACK_MODEL;
  }
}
