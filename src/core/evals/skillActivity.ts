/**
 * What a turn did with the skills in its container, read from its tool calls (never from the words of the
 * answer): which skills' SKILL.md it read, by bash (`cat`, `head`, `sed`, …) or the text editor's `view`,
 * and which scripts under `/skills/<directory>/` it ran.
 */
import type { AssistantTurn, ToolCallBlock } from '../chat/viewModel';
import { textField } from '../chat/wire';

/** What one turn did with one skill directory. */
export interface SkillUse {
  readonly readSkillMd: boolean;
  /** Scripts run, as paths relative to the skill's directory (`scripts/fill.py`). */
  readonly scriptsRun: readonly string[];
}

/** Commands that show a file's contents. */
const READERS = new Set([
  'cat',
  'head',
  'tail',
  'less',
  'more',
  'sed',
  'awk',
  'bat',
  'nl',
  'view',
  'grep',
  'rg',
  'cut',
  'strings',
  'xxd',
  'od',
]);
/** Commands that run the script named after them. */
const INTERPRETERS = /^(python\d?(\.\d+)?|bash|sh|zsh|node|deno|bun|ruby|perl|php|Rscript|pwsh|tsx|ts-node|uv|uvx)$/;
/** A path under `/skills/`: its directory and the rest. */
const SKILL_PATH = /^\/skills\/([^/\s'"`]+)\/(.+)$/;

/** The skills a turn used, by directory name: only directories it read the SKILL.md of or ran a script in. */
export function skillUses(turn: AssistantTurn): Map<string, SkillUse> {
  const uses = new Map<string, { readSkillMd: boolean; scriptsRun: string[] }>();
  const use = (directory: string): { readSkillMd: boolean; scriptsRun: string[] } => {
    let entry = uses.get(directory);
    if (!entry) uses.set(directory, (entry = { readSkillMd: false, scriptsRun: [] }));
    return entry;
  };
  for (const block of turn.blocks) {
    if (block.type !== 'tool' || !block.input) continue;
    for (const event of toolEvents(block)) {
      const entry = use(event.directory);
      if (event.kind === 'read') entry.readSkillMd = true;
      else if (!entry.scriptsRun.includes(event.path)) entry.scriptsRun.push(event.path);
    }
  }
  return uses;
}

/** True when the turn read `/skills/<directory>/SKILL.md` or ran a script under that directory. */
export function triggered(turn: AssistantTurn, directory: string): boolean {
  return skillUses(turn).has(directory);
}

interface ToolEvent {
  readonly kind: 'read' | 'run';
  readonly directory: string;
  /** Relative to the skill's directory. */
  readonly path: string;
}

function toolEvents(block: ToolCallBlock): ToolEvent[] {
  const input = block.input ?? {};
  if (block.kind === 'view') {
    const target = skillPath(textField(input['path']));
    return target && isSkillMd(target.path) ? [{ kind: 'read', ...target }] : [];
  }
  if (block.kind === 'bash') return bashEvents(textField(input['command']));
  if (block.kind === 'code') return codeEvents(textField(input['code']));
  return [];
}

/**
 * Reads and script runs in a shell command line: each simple command of `;`, `&&`, `||`, `|` and newlines, with
 * relative paths resolved after a `cd` into `/skills/…` (`cd /skills/x && python scripts/run.py`).
 */
function bashEvents(command: string): ToolEvent[] {
  const events: ToolEvent[] = [];
  let cwd = '';
  for (const segment of command.split(/&&|\|\||[;|\n]/)) {
    const words = shellWords(segment)
      .filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word))
      .map((word, index) =>
        (index > 0 || word.includes('/')) && cwd && !word.startsWith('/') && !word.startsWith('-') ? `${cwd}/${word}` : word,
      );
    if (words[0] === 'sudo' || words[0] === 'exec' || words[0] === 'time') words.shift();
    const [program, ...args] = words;
    if (program === undefined) continue;
    if (program === 'cd') {
      const target = args[0] ?? '';
      cwd = target.startsWith('/skills/') ? target.replace(/\/+$/, '') : '';
      continue;
    }
    const programName = program.split('/').pop() ?? program;
    const direct = skillPath(program);
    if (direct && !isSkillMd(direct.path)) {
      events.push({ kind: 'run', ...direct });
      continue;
    }
    if (READERS.has(programName)) {
      for (const arg of args) {
        const target = skillPath(arg);
        if (target && isSkillMd(target.path)) events.push({ kind: 'read', ...target });
      }
    } else if (INTERPRETERS.test(programName)) {
      const script = args.map(skillPath).find((target) => target !== null);
      if (script && !isSkillMd(script.path)) events.push({ kind: 'run', ...script });
    }
  }
  return events;
}

/** Python run by the code execution tool: `open('/skills/x/SKILL.md')` reads, `subprocess` of a script runs it. */
function codeEvents(code: string): ToolEvent[] {
  const events: ToolEvent[] = [];
  for (const match of code.matchAll(/['"](\/skills\/[^'"]+)['"]/g)) {
    const target = skillPath(match[1] ?? '');
    if (!target) continue;
    events.push(isSkillMd(target.path) ? { kind: 'read', ...target } : { kind: 'run', ...target });
  }
  return events.filter((event) => event.kind === 'read' || /\b(subprocess|os\.system|runpy|exec)\b/.test(code));
}

function skillPath(word: string): { directory: string; path: string } | null {
  const match = SKILL_PATH.exec(word.replace(/\/{2,}/g, '/'));
  if (!match) return null;
  return { directory: match[1] ?? '', path: (match[2] ?? '').replace(/^\.\//, '') };
}

function isSkillMd(path: string): boolean {
  return path === 'SKILL.md';
}

/** The words of a simple shell command, with quotes removed (no expansion). */
function shellWords(segment: string): string[] {
  const words: string[] = [];
  for (const match of segment.matchAll(/"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return words.filter((word) => word !== '' && !/^[<>]/.test(word));
}
