/**
 * Reading and checking eval files against one valibot schema per format: every problem names the file, the place
 * in it (`evals[2].prompt`), the line of the case and what to change.
 */
import * as v from 'valibot';
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
    /** The 0-based line of the problem (the case's `{`, or where the JSON breaks), when known. */
    readonly line?: number,
  ) {
    super('');
    this.message = this.naming(file);
    this.name = 'EvalFileError';
  }

  /** The message with the file named `shown` instead (a path relative to the reader's folder). */
  naming(shown: string): string {
    return `${shown}${this.where ? ` (${this.where})` : ''}: ${this.problem}`;
  }
}

const TEXT = 'must be a non-empty string.';
const BOOLEAN = 'must be true or false.';
const INTEGER = 'must be an integer.';

/** An object's message: for a missing key what its value must be (`required`), else `message`. */
const objectMessage =
  (message: string, required: Record<string, string> = {}) =>
  (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.at(-1)?.key;
    return issue.input === undefined && typeof key === 'string' ? (required[key] ?? 'is required.') : message;
  };

const nonEmptyText = v.pipe(
  v.string(TEXT),
  v.check((text) => text.trim() !== '', TEXT),
);
const optionalText = v.optional(v.string('must be a string.'), '');
const stringList = v.optional(
  v.custom<string[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'must be a list of strings.'),
  [],
);

const matchesCheck = v.pipe(
  v.object(
    { type: v.literal('matches'), pattern: nonEmptyText, flags: v.optional(v.string('must be a string.')) },
    objectMessage('must be an object with a "type".', { pattern: TEXT }),
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    try {
      new RegExp(dataset.value.pattern, dataset.value.flags);
    } catch (error) {
      addIssue({
        message: `is not a valid regular expression (${messageOf(error)}).`,
        path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'pattern', value: dataset.value.pattern }],
      });
    }
  }),
);

const checkSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('contains'), value: nonEmptyText }, objectMessage('must be an object with a "type".', { value: TEXT })),
    matchesCheck,
    v.object({ type: v.literal('file_exists'), name: nonEmptyText }, objectMessage('must be an object with a "type".', { name: TEXT })),
    v.object({ type: v.literal('script_ran'), script: nonEmptyText }, objectMessage('must be an object with a "type".', { script: TEXT })),
  ],
  (issue) =>
    issue.path?.at(-1)?.key === 'type'
      ? 'must be one of "contains", "matches", "file_exists", "script_ran".'
      : 'must be an object with a "type".',
);

const outputCaseSchema = v.object(
  {
    id: v.pipe(v.number(INTEGER), v.integer(INTEGER)),
    prompt: nonEmptyText,
    expected_output: optionalText,
    files: stringList,
    expectations: stringList,
    /** agentskills.io's name for the same list. */
    assertions: stringList,
    checks: v.optional(v.array(checkSchema, 'must be a list of checks.'), []),
  },
  objectMessage('must be an object with "id" and "prompt".', { id: INTEGER, prompt: TEXT }),
);

const outputFileSchema = v.object(
  { skill_name: optionalText, evals: v.array(outputCaseSchema, 'must be a list of cases.') },
  objectMessage('must be an object {"skill_name", "evals": [...]} (skill-creator\'s evals.json).', { evals: 'must be a list of cases.' }),
);

const triggerCaseSchema = v.pipe(
  v.object(
    { query: v.optional(v.unknown()), prompt: v.optional(v.unknown()), should_trigger: v.boolean(BOOLEAN) },
    objectMessage('must be an object {"query", "should_trigger"}.', { should_trigger: BOOLEAN }),
  ),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const key = dataset.value.query !== undefined ? 'query' : 'prompt';
    const query = dataset.value[key];
    if (typeof query !== 'string' || query.trim() === '') {
      addIssue({ message: TEXT, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: query }] });
      return NEVER;
    }
    return { query, shouldTrigger: dataset.value.should_trigger };
  }),
);

const triggerListSchema = v.array(triggerCaseSchema);

/** Parses `evals.json` text (skill-creator's `expectations` or agentskills.io's `assertions`); throws an `EvalFileError`. */
export function parseOutputEvals(text: string, file: string): OutputEvalFile {
  const root = parseJson(text, file);
  if (!isObject(root)) throw new EvalFileError(file, '', 'must be an object {"skill_name", "evals": [...]} (skill-creator\'s evals.json).');
  const lines = caseLines(text, 'evals');
  const parsed = v.safeParse(outputFileSchema, root);
  if (!parsed.success) throw issueError(file, parsed.issues[0], '', (index) => lines[index]);
  const seen = new Set<number>();
  const cases = parsed.output.evals.map((value, index): OutputEvalCase => {
    const where = `evals[${index}]`;
    const line = lines[index] ?? 0;
    if (seen.has(value.id))
      throw new EvalFileError(file, `${where}.id`, `${value.id} is used by an earlier case; ids must be unique.`, line);
    seen.add(value.id);
    const expectations = [...value.expectations, ...value.assertions];
    if (expectations.length === 0 && value.checks.length === 0) {
      throw new EvalFileError(file, where, `eval ${value.id} has nothing to grade: add expectations, assertions or checks.`, line);
    }
    return {
      id: value.id,
      prompt: value.prompt,
      expectedOutput: value.expected_output,
      files: value.files,
      expectations,
      checks: value.checks.map(toCheck),
      line,
    };
  });
  return { skillName: parsed.output.skill_name, evals: cases };
}

/**
 * Parses a trigger eval set: skill-creator's `[{query, should_trigger}]`, or its `{"evals": [{prompt, should_trigger}]}`
 * form. Throws an `EvalFileError` for invalid JSON or a case of the wrong shape.
 */
export function parseTriggerEvals(text: string, file: string): TriggerEvalCase[] {
  const root = parseJson(text, file);
  const wrapped = !Array.isArray(root);
  const list = Array.isArray(root) ? root : isObject(root) && Array.isArray(root['evals']) ? root['evals'] : null;
  if (!list) throw new EvalFileError(file, '', 'must be a list of {"query", "should_trigger"} (skill-creator\'s trigger eval set).');
  const lines = wrapped ? caseLines(text, 'evals') : caseLines(text, null);
  const parsed = v.safeParse(triggerListSchema, list);
  if (!parsed.success) throw issueError(file, parsed.issues[0], wrapped ? 'evals' : '', (index) => lines[index]);
  return parsed.output.map((item, index) => ({ index, query: item.query, shouldTrigger: item.shouldTrigger, line: lines[index] ?? 0 }));
}

function toCheck(check: v.InferOutput<typeof checkSchema>): EvalCheck {
  if (check.type === 'matches')
    return check.flags === undefined
      ? { type: 'matches', pattern: check.pattern }
      : { type: 'matches', pattern: check.pattern, flags: check.flags };
  return check;
}

/** The error of a schema issue: its path as `evals[2].checks[0].type`, the line of the case it is in. */
function issueError(
  file: string,
  issue: v.BaseIssue<unknown> | undefined,
  prefix: string,
  lineOf: (index: number) => number | undefined,
): EvalFileError {
  let where = prefix;
  let caseIndex: number | undefined;
  for (const item of issue?.path ?? []) {
    if (typeof item.key === 'number') {
      caseIndex ??= item.key;
      where += `[${item.key}]`;
    } else where += where === '' ? String(item.key) : `.${String(item.key)}`;
  }
  if (prefix === '' && issue?.path?.[0]?.key === 'evals' && typeof issue.path[1]?.key === 'number') caseIndex = issue.path[1].key;
  return new EvalFileError(file, where, issue?.message ?? 'is not valid.', caseIndex === undefined ? undefined : lineOf(caseIndex));
}

function parseJson(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const { offset, reason } = jsonFault(body, messageOf(error));
    const line = lineAt(body, offset);
    const column = offset - body.lastIndexOf('\n', offset - 1);
    throw new EvalFileError(
      file,
      '',
      `Not valid JSON at ${line + 1}:${column} (line ${line + 1}, column ${column}): ${reason}. Fix the file and save it again.`,
      line,
    );
  }
}

/**
 * Where `JSON.parse` stopped in `body`, and why in a few words, from its message: V8 names the offset ("… in JSON at
 * position 18"), or quotes the text around the offending token ("Unexpected token 'o', \"[ nope ]\" is not valid
 * JSON", cut with "…" in a long file), or says the text ended.
 */
function jsonFault(body: string, message: string): { offset: number; reason: string } {
  const end = body.trimEnd().length;
  const positioned = /^(.*?)(?: in JSON)? at position (\d+)/.exec(message);
  if (positioned) return { offset: Math.min(Number(positioned[2]), end), reason: lowerFirst(positioned[1] ?? '') };
  const quoted = /^Unexpected token '(.+?)', (?:\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  if (quoted) {
    const [, token = '', around = ''] = quoted;
    const at = body.indexOf(around);
    return { offset: at < 0 ? 0 : at + Math.max(0, around.indexOf(token)), reason: `unexpected ${JSON.stringify(token)}` };
  }
  if (/end of JSON input/.test(message)) return { offset: end, reason: 'the file ends before the JSON does' };
  return { offset: end, reason: lowerFirst(message.replace(/\.$/, '')) };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isObject(value: unknown): value is Record<string, unknown> {
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
