import Anthropic, { toFile } from '@anthropic-ai/sdk';
import { after, before } from 'node:test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';
import { exampleFiles } from '../../../src/emulator/seed';
import type { UploadedFile } from '../../../src/emulator/upload';

/** A key that is obviously not a real one. */
export const TEST_KEY = 'test-key-not-real';

/** The beta that asks for the older beta shape. */
export const BETA = ['skills-2025-10-02'];

/** The bare SDK pointed at an emulator, without retries unless asked. */
export function sdkFor(url: string, options: { maxRetries?: number; apiKey?: string; fetch?: typeof fetch } = {}): Anthropic {
  return new Anthropic({ apiKey: options.apiKey ?? TEST_KEY, baseURL: url, maxRetries: options.maxRetries ?? 0, fetch: options.fetch });
}

/**
 * `fetch`, with every 5xx answer asking for a retry after 1 ms (as an injected fault's `retryAfterMs` does): without
 * that header the SDK backs off for about half a second, then a second, between its retries.
 */
export async function retryingAtOnce(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status < 500) return response;
  const headers = new Headers(response.headers);
  headers.set('retry-after-ms', '1');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The files of a skill folder, as SDK uploadables with their relative paths. */
export function uploadables(files: readonly UploadedFile[]): Promise<File[]> {
  return Promise.all(files.map((file) => toFile(file.data, file.path)));
}

/** A small valid skill folder named `name`, with a nested text file and a binary file. */
export function skillFolder(name: string, description = `Does ${name} things. Use when testing.`): UploadedFile[] {
  return exampleFiles(name, description, {
    'scripts/nested/run.py': 'print("hello")\n',
    'assets/blob.bin': Uint8Array.from({ length: 256 }, (_, index) => index),
  });
}

/** A skill folder whose SKILL.md is exactly `skillMd`. */
export function folderWithSkillMd(directory: string, skillMd: string): UploadedFile[] {
  return [{ path: `${directory}/SKILL.md`, data: new TextEncoder().encode(skillMd) }];
}

/** An emulator for the tests of one suite, with the SDK pointed at it. */
export interface SuiteEmulator {
  readonly emulator: RunningEmulator;
  readonly sdk: Anthropic;
}

/** Starts an emulator before the suite's tests and closes it after them; read its fields inside tests. */
export function emulatorForSuite(options: EmulatorOptions = {}): SuiteEmulator {
  const state: { emulator?: RunningEmulator; sdk?: Anthropic } = {};
  before(async () => {
    state.emulator = await startEmulator(options);
    state.sdk = sdkFor(state.emulator.url);
  });
  after(() => state.emulator?.close());
  return {
    get emulator(): RunningEmulator {
      if (!state.emulator) throw new Error('The emulator starts in before(): use it inside a test.');
      return state.emulator;
    },
    get sdk(): Anthropic {
      if (!state.sdk) throw new Error('The emulator starts in before(): use it inside a test.');
      return state.sdk;
    },
  };
}
