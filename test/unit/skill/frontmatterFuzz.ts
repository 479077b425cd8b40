/** Generates varied SKILL.md frontmatters from a seeded PRNG, for the differential test of the fast reader. */
import type { ParsedSkillMd } from '../../../src/core/skill/parse';

/** What the fast reader and the yaml package must agree on: the entries (keys, values, ranges), the YAML faults, the shape. */
export function readersAgreeOn(parsed: ParsedSkillMd): object {
  return { entries: parsed.entries, problems: parsed.problems, notMapping: parsed.notMapping };
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'name',
  'description',
  'license',
  'compatibility',
  'metadata',
  'allowed-tools',
  'when_to_use',
  'version',
  'x',
  'yes',
  'on',
  'Name',
  '_k',
  'a-b',
  'null',
];
const SCALARS = [
  'pdf-tools',
  'PDF Tools',
  'yes',
  'No',
  'off',
  'ON',
  'true',
  'null',
  '~',
  'Null',
  '123',
  '1.5',
  '0x1F',
  '2024-01-01',
  '-x',
  '.inf',
  'hello world',
  'Use when: x',
  'a:b',
  'ends with:',
  'a # comment',
  'a#b',
  '"quoted"',
  "'single'",
  "'it''s'",
  '"esc\\"aped"',
  '"a: b"',
  "'a: b'",
  '[a, b]',
  '{a: 1}',
  '&anchor value',
  '*alias',
  '!tag x',
  '|',
  '>-',
  '%x',
  '@x',
  '`x`',
  'claude-helper',
  '<example>hi</example>',
  'x, y [z] {w}',
  '(parens)',
  '/path/to',
  '$VAR',
  'émoji 🎉',
  'tab\there',
  'trailing   ',
  '? q',
  '- item',
  ':x',
  'a\u2028b',
  '=',
  '<< merge',
  'a  b',
  "'unterminated",
  '"unterminated',
  '""',
  "''",
  'y',
  'n',
  'Y',
  'N',
  '_',
  'a\\b',
  'x\u00a0y',
  'yEs',
  'TRUE',
  'False',
  'OFF',
  'On',
  '0',
  '7',
  '-3',
  '+4',
  '012',
  '1_000',
  '1234567890123456',
  '123456789012345',
  '[yes, 2]',
  'a: b: c',
  'x: y:',
  'Use when:  two spaces',
  'a: yes',
  'a: "q"',
  'a:b: c',
  'a: b #c',
  '1.2.0',
  '2.0.1-beta',
  '10.4.12',
  '1.2.3+build',
  '1.2.3.4',
  '1.2.3-',
  '01.2.3',
  '[Read, Grep]',
  '[a,b]',
  '[ a , b ]',
  '[]',
  '[a, [b]]',
  '[a, "b c"]',
  "['x', y]",
  '[a b, c]',
  '[a, yes]',
  '[a,]',
  '[a: b]',
  '[a # c]',
  '[1, 2]',
  '[a, 1.2.0]',
  "'the team's style",
  "'a'b",
  '"a"b',
  "'a' b",
  "'a''b'c",
  "'a'b c: d",
  "'open",
  '"open',
  "'it''s open",
  'x # y # z',
  'C# tips # c',
  '1.2.0 # v',
  'yes # c',
  '123 # c',
  'a  #  c',
  '"q" # c',
  "'q' # c",
  '[a] # c',
  'a: b # c',
  '#x',
  'a #',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A frontmatter body (the lines between the `---` delimiters), built from common and odd pieces. */
export function randomFrontmatter(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const key = pick(random, KEYS);
    const roll = random();
    if (roll < 0.15) {
      lines.push(`${key}:`);
      const children = Math.floor(random() * 4);
      const indent = pick(random, ['  ', '  ', '    ', ' ']);
      for (let c = 0; c < children; c++) {
        if (random() < 0.2) {
          // A mapping one level further down, sometimes oddly indented, empty or deeper still.
          lines.push(`${indent}${pick(random, KEYS)}:`);
          for (let g = Math.floor(random() * 3); g > 0; g--)
            lines.push(
              `${indent}${pick(random, ['  ', '  ', '    ', ' ', '', '      '])}${pick(random, KEYS)}:${pick(random, [' ', ' ', ''])}${pick(random, SCALARS)}`,
            );
        } else {
          lines.push(`${random() < 0.1 ? '   ' : indent}${pick(random, KEYS)}: ${pick(random, SCALARS)}`);
        }
      }
    } else if (roll < 0.22) {
      lines.push(`${key}: ${pick(random, ['>', '>-', '|', '|-', '|+', '>2'])}`);
      const indent = pick(random, ['  ', '  ', '    ']);
      for (let c = Math.floor(random() * 4); c > 0; c--)
        lines.push(random() < 0.1 ? pick(random, ['', '      deeper', ' x']) : `${indent}${pick(random, SCALARS)}`);
    } else if (roll < 0.3) {
      lines.push(`${key}:`);
      const indent = pick(random, ['  ', '  ', '', '    ']);
      for (let c = Math.floor(random() * 4); c > 0; c--) lines.push(`${random() < 0.1 ? ' ' : indent}- ${pick(random, SCALARS)}`);
    } else if (roll < 0.35) {
      lines.push(pick(random, ['', '   ', '# comment', '  continued line', '- item', '...', 'key:   ', `${key} : v`, `"${key}": v`]));
    } else {
      lines.push(`${key}:${pick(random, [' ', ' ', '  ', ''])}${pick(random, SCALARS)}`);
    }
  }
  return lines.map((l) => (random() < 0.05 ? l + '  ' : l)).join(pick(random, ['\n', '\n', '\r\n'])) + '\n';
}

const TYPICAL_VALUES = [
  'pdf-tools',
  'Extracts tables from PDF files. Use when the user mentions PDFs.',
  '"Quoted, with: a colon"',
  "'It''s fine'",
  'MIT',
  'Requires python3',
  'Read Bash(git:*)',
  '"1.0"',
  'me',
];

/** A frontmatter shaped like most real ones: plain or quoted one-line values and maybe a flat `metadata` block. */
export function typicalFrontmatter(random: () => number): string {
  const lines = [`name: ${pick(random, ['pdf-tools', 'PDF Tools', 'claude-x', 'a'])}`, `description: ${pick(random, TYPICAL_VALUES)}`];
  for (const key of ['license', 'compatibility', 'allowed-tools', 'when_to_use', 'version']) {
    if (random() < 0.3) lines.push(`${key}: ${pick(random, TYPICAL_VALUES)}`);
  }
  if (random() < 0.2) lines.push('allowed-tools:', '  - Read', `  - ${pick(random, TYPICAL_VALUES)}`);
  if (random() < 0.2) lines.push(`compatibility: ${pick(random, ['>-', '|', '>'])}`, `  ${pick(random, TYPICAL_VALUES)}`, '  Second line.');
  if (random() < 0.5) {
    lines.push('metadata:');
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++)
      lines.push(`  ${pick(random, ['author', 'version', 'tags', 'name'])}: ${pick(random, TYPICAL_VALUES)}`);
  }
  return lines.join('\n') + '\n';
}

/** A random single-character mutation of `text`: insert, delete or replace with a YAML-significant character. */
export function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const char = pick(random, [':', ' ', '"', "'", '#', '-', '\n', '\t', '[', '{', '&', '*', '|', 'a', '0', '\\', '>']);
  const roll = random();
  if (roll < 0.4) return text.slice(0, at) + char + text.slice(at);
  if (roll < 0.7) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + char + text.slice(at + 1);
}

const TOOLS = ['Read', 'Write', 'Edit', 'Grep', 'Glob', 'Bash', 'Bash(git:*)', 'Bash(python3:*)', 'WebFetch'];
const PURPOSES = [
  'Extracts tables and text from PDF files',
  'Creates and edits Excel spreadsheets, with formulas and charts',
  'Reviews pull requests for security problems',
  "Writes release notes in the team's house style",
  'Builds slide decks from an outline',
  'Queries the warehouse and summarises the results',
];

/**
 * A frontmatter of the variety real repositories have, for the skill in folder `folder`: folded and literal
 * multi-line descriptions, quoted strings, `metadata` maps, `allowed-tools` as a string or a list, unknown
 * keys, comments, the unquoted `: ` mistake and Title Case names. Some need the full YAML reader, some are invalid.
 */
export function realisticFrontmatter(random: () => number, folder: string): string {
  const purpose = pick(random, PURPOSES);
  const trigger = `Use when the user asks about ${folder.replace(/-/g, ' ')}`;
  const name =
    random() < 0.85
      ? folder
      : pick(random, [
          folder.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase()),
          `${folder}-skill`,
          `"${folder}"`,
        ]);
  const lines = [`name: ${name}`];
  const style = random();
  if (style < 0.5) lines.push(`description: ${purpose}. ${trigger}.`);
  else if (style < 0.6) lines.push(`description: "${purpose}. ${trigger}, or mentions \\"${folder}\\"."`);
  else if (style < 0.66) lines.push(`description: '${purpose.replace(/'/g, "''")}. ${trigger} (it''s quick).'`);
  else if (style < 0.79) lines.push('description: >-', `  ${purpose}.`, `  ${trigger}.`);
  else if (style < 0.86) lines.push('description: |', `  ${purpose}.`, '', `  ${trigger}.`);
  else if (style < 0.92) lines.push(`description: ${purpose}. Use when: ${trigger.toLowerCase()}.`);
  else if (style < 0.96) lines.push(`description: ${purpose} <example>${folder}</example>. ${trigger}.`);
  else if (style < 0.98) lines.push(`description: ${purpose}. # ${trigger}`);
  else lines.push(`description: '${purpose}. ${trigger}.`);
  if (random() < 0.4)
    lines.push(
      `license: ${pick(random, ['MIT', 'Apache-2.0', 'Complete terms in LICENSE.txt', '"Proprietary. LICENSE.txt has complete terms"'])}`,
    );
  const tools = random();
  if (tools < 0.15) lines.push(`allowed-tools: ${pick(random, TOOLS)} ${pick(random, TOOLS)}`);
  else if (tools < 0.22) lines.push(`allowed-tools: ${pick(random, TOOLS)}, ${pick(random, TOOLS)}`);
  else if (tools < 0.3) lines.push('allowed-tools:', `  - ${pick(random, TOOLS)}`, `  - "${pick(random, TOOLS)}"`);
  else if (tools < 0.31) lines.push(`allowed-tools: [${pick(random, TOOLS)}, ${pick(random, TOOLS)}]`);
  if (random() < 0.2) {
    lines.push(
      'metadata:',
      `  author: ${pick(random, ['anthropic', 'me', '"Jane Doe"', 'team-tools'])}`,
      `  version: ${pick(random, ['"1.0"', '"1.0"', '"2.1.0"', '1.2.0', '2'])}`,
    );
    if (random() < 0.3) lines.push(`  tags: ${pick(random, ['pdf, documents', '[pdf, docs]', 'data'])}`);
    if (random() < 0.1) lines.push('  nested:', '    deep: yes');
  }
  if (random() < 0.1)
    lines.push(`compatibility: ${pick(random, ['Requires python3 and pdfplumber', '>-\n  Needs network access\n  and git'])}`);
  if (random() < 0.1)
    lines.push(
      `${pick(random, ['version', 'author', 'tags', 'when_to_use', 'model', 'user-invocable'])}: ${pick(random, ['1.0.0', 'me', 'true', '[a, b]', 'sonnet', `Whenever ${folder} comes up`])}`,
    );
  if (random() < 0.05) lines.splice(1, 0, '# generated by the skill template');
  return lines.join('\n') + '\n';
}
