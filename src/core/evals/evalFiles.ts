/** Reading and checking eval files: every problem names the file, the place in it and what to change. */
import type { EvalCheck, OutputEvalCase, OutputEvalFile, TriggerEvalCase } from './types';
import { messageOf } from '../messageOf';

/** The output evals' place in a skill folder. */
export const OUTPUT_EVALS_FILE = 'evals/evals.json';
/** The trigger evals' default place in a skill folder. */
export const TRIGGER_EVALS_FILE = 'evals/trigger-evals.json';

/** An eval file that cannot be used, with what is wrong where. */
export class EvalFileError extends Error {
  constructor(
    /** The file, as the caller named it. */
    readonly file: string,
    /** Where in it (`evals[2].prompt`), or empty for the whole file. */
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}${where ? ` (${where})` : ''}: ${problem}`);
    this.name = 'EvalFileError';
  }
}

type Json = Record<string, unknown>;

/** Parses `evals.json` text; throws an `EvalFileError` for invalid JSON or a field of the wrong shape. */
export function parseOutputEvals(text: string, file: string): OutputEvalFile {
  const root = parseJson(text, file);
  if (!isObject(root)) throw new EvalFileError(file, '', 'must be an object {"skill_name", "evals": [...]} (skill-creator\'s evals.json).');
  const skillName = root['skill_name'];
  if (skillName !== undefined && typeof skillName !== 'string') throw new EvalFileError(file, 'skill_name', 'must be a string.');
  const evals = root['evals'];
  if (!Array.isArray(evals)) throw new EvalFileError(file, 'evals', 'must be a list of cases.');
  const lines = caseLines(text, 'evals');
  const seen = new Set<number>();
  const cases = evals.map((value, index): OutputEvalCase => {
    const where = `evals[${index}]`;
    if (!isObject(value)) throw new EvalFileError(file, where, 'must be an object with "id" and "prompt".');
    const id = value['id'];
    if (typeof id !== 'number' || !Number.isInteger(id)) throw new EvalFileError(file, `${where}.id`, 'must be an integer.');
    if (seen.has(id)) throw new EvalFileError(file, `${where}.id`, `${id} is used by an earlier case; ids must be unique.`);
    seen.add(id);
    return {
      id,
      prompt: requiredText(value, 'prompt', file, where),
      expectedOutput: optionalText(value, 'expected_output', file, where),
      files: stringList(value, 'files', file, where),
      expectations: stringList(value, 'expectations', file, where),
      checks: readChecks(value['checks'], file, `${where}.checks`),
      line: lines[index] ?? 0,
    };
  });
  return { skillName: skillName ?? '', evals: cases };
}

/**
 * Parses a trigger eval set: skill-creator's `[{query, should_trigger}]`, or its `{"evals": [{prompt, should_trigger}]}`
 * form. Throws an `EvalFileError` for invalid JSON or a case of the wrong shape.
 */
export function parseTriggerEvals(text: string, file: string): TriggerEvalCase[] {
  const root = parseJson(text, file);
  const list = Array.isArray(root) ? root : isObject(root) && Array.isArray(root['evals']) ? root['evals'] : null;
  if (!list) throw new EvalFileError(file, '', 'must be a list of {"query", "should_trigger"} (skill-creator\'s trigger eval set).');
  const lines = Array.isArray(root) ? caseLines(text, null) : caseLines(text, 'evals');
  return list.map((value, index): TriggerEvalCase => {
    const where = `[${index}]`;
    if (!isObject(value)) throw new EvalFileError(file, where, 'must be an object {"query", "should_trigger"}.');
    const key = value['query'] !== undefined ? 'query' : 'prompt';
    const query = requiredText(value, key, file, where);
    const shouldTrigger = value['should_trigger'];
    if (typeof shouldTrigger !== 'boolean') throw new EvalFileError(file, `${where}.should_trigger`, 'must be true or false.');
    return { index, query, shouldTrigger, line: lines[index] ?? 0 };
  });
}

function readChecks(value: unknown, file: string, where: string): EvalCheck[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new EvalFileError(file, where, 'must be a list of checks.');
  return value.map((check, index): EvalCheck => {
    const at = `${where}[${index}]`;
    if (!isObject(check)) throw new EvalFileError(file, at, 'must be an object with a "type".');
    switch (check['type']) {
      case 'contains':
        return { type: 'contains', value: requiredText(check, 'value', file, at) };
      case 'matches': {
        const pattern = requiredText(check, 'pattern', file, at);
        const flags = check['flags'] === undefined ? undefined : optionalText(check, 'flags', file, at);
        try {
          new RegExp(pattern, flags);
        } catch (error) {
          throw new EvalFileError(file, `${at}.pattern`, `is not a valid regular expression (${messageOf(error)}).`);
        }
        return flags === undefined ? { type: 'matches', pattern } : { type: 'matches', pattern, flags };
      }
      case 'file_exists':
        return { type: 'file_exists', name: requiredText(check, 'name', file, at) };
      case 'script_ran':
        return { type: 'script_ran', script: requiredText(check, 'script', file, at) };
      default:
        throw new EvalFileError(file, `${at}.type`, 'must be one of "contains", "matches", "file_exists", "script_ran".');
    }
  });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EvalFileError(file, '', `is not valid JSON (${messageOf(error)}).`);
  }
}

function requiredText(value: Json, key: string, file: string, where: string): string {
  const text = value[key];
  if (typeof text !== 'string' || text.trim() === '') throw new EvalFileError(file, `${where}.${key}`, 'must be a non-empty string.');
  return text;
}

function optionalText(value: Json, key: string, file: string, where: string): string {
  const text = value[key];
  if (text === undefined) return '';
  if (typeof text !== 'string') throw new EvalFileError(file, `${where}.${key}`, 'must be a string.');
  return text;
}

function stringList(value: Json, key: string, file: string, where: string): string[] {
  const list = value[key];
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new EvalFileError(file, `${where}.${key}`, 'must be a list of strings.');
  return list as string[];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The 0-based line where each object of a case list opens: the list under `key` of the root object, or the
 * root list itself when `key` is null. A small scan of the JSON text that skips strings; valid JSON only.
 */
function caseLines(text: string, key: string | null): number[] {
  const lines: number[] = [];
  let line = 0;
  let depth = 0;
  let listDepth = key === null ? 1 : -1;
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    else if (char === '"') {
      const end = stringEnd(text, i);
      lastString = text.slice(i + 1, end);
      i = end;
    } else if (char === '[' || char === '{') {
      depth++;
      if (char === '[' && listDepth < 0 && depth === 2 && lastString === key) listDepth = depth;
      else if (char === '{' && depth === listDepth + 1) lines.push(line);
    } else if (char === ']' || char === '}') {
      if (depth === listDepth) listDepth = key === null ? 1 : -2;
      depth--;
    }
  }
  return lines;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
