/**
 * Writes a corpus for the lint benchmark shaped like public skill repositories: skills nested 3 to 5 levels deep
 * (`repo/skills/x/SKILL.md`, `repo/plugins/p/skills/x/SKILL.md`, `repo/.claude/skills/x`, `repo/src/skills/group/x`),
 * folders with only a SKILL.md beside folders with scripts, references and assets, repository files and `.git`
 * folders around them, frontmatter of real variety and bodies of 20 to 800 lines with relative links.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { prng, realisticFrontmatter } from '../../test/unit/skill/frontmatterFuzz';

const SENTENCES = [
  'Read the input carefully, then follow the steps below.',
  'Prefer the bundled scripts over writing new code, because they handle the edge cases.',
  'If the user gives a file, check its format first; if not, ask for one.',
  'Keep the output short: a summary, then the details a reader asks for.',
  'Never change the original file; write the result next to it.',
  'When a step fails, say which one, show its error and stop.',
  'Large inputs are streamed in chunks of a few megabytes.',
  'Dates are ISO 8601 in UTC unless the user says otherwise.',
];
const WORDS = ['table', 'chart', 'report', 'invoice', 'schema', 'query', 'slide', 'summary', 'column', 'record', 'draft', 'review'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** The files a skill folder holds besides SKILL.md, by folder-relative path. */
type ExtraFiles = Map<string, string | Buffer>;

/** The Markdown body of a skill: headings, prose, lists, tables, code blocks and links, about `lines` long. */
export function skillBody(
  lines: number,
  random: () => number,
  files: readonly string[] = ['reference/guide.md', 'scripts/run.py'],
): string {
  const out: string[] = ['', `# ${pick(random, WORDS)} ${pick(random, WORDS)}`, ''];
  const link = (): string => {
    const roll = random();
    if (roll < 0.03) return `[the ${pick(random, WORDS)} notes](references/missing-${pick(random, WORDS)}.md)`;
    if (roll < 0.15 || (files.length === 0 && roll < 0.6)) return `[the docs](https://docs.example.com/${pick(random, WORDS)})`;
    if (roll < 0.2 || files.length === 0) return `[below](#${pick(random, WORDS)})`;
    return `[${pick(random, WORDS)}](${pick(random, files)})`;
  };
  while (out.length < lines) {
    const roll = random();
    if (roll < 0.08) out.push('', `## ${pick(random, WORDS)} step ${out.length}`, '');
    else if (roll < 0.14)
      out.push(
        '```bash',
        `python scripts/${pick(random, WORDS)}.py --input data.csv`,
        `# then ${pick(random, SENTENCES).toLowerCase()}`,
        '```',
      );
    else if (roll < 0.18) out.push('', '| field | meaning |', '|---|---|', `| ${pick(random, WORDS)} | ${pick(random, SENTENCES)} |`, '');
    else if (roll < 0.35) out.push(`- ${pick(random, SENTENCES)} See ${link()} and \`${pick(random, files.length > 0 ? files : ['x'])}\`.`);
    else if (roll < 0.45) out.push(`${Math.floor(random() * 9) + 1}. ${pick(random, SENTENCES)}`);
    else {
      const count = 1 + Math.floor(random() * 2);
      const sentences = Array.from({ length: count }, () => pick(random, SENTENCES));
      if (random() < 0.2) sentences.push(`Details are in ${link()}.`);
      out.push(sentences.join(' '));
    }
  }
  return out.join('\n') + '\n';
}

/** Scripts, references and assets for a skill folder: none for about a third of them. */
function extraFiles(random: () => number): ExtraFiles {
  const files: ExtraFiles = new Map();
  if (random() < 0.35) return files;
  for (let i = 1 + Math.floor(random() * 4); i > 0; i--) {
    const name = `scripts/${pick(random, WORDS)}_${i}.${pick(random, ['py', 'sh', 'js'])}`;
    files.set(
      name,
      `#!/usr/bin/env python3\n"""${pick(random, SENTENCES)}"""\n` + 'print("step")\n'.repeat(5 + Math.floor(random() * 150)),
    );
  }
  if (random() < 0.6) {
    for (let i = 1 + Math.floor(random() * 3); i > 0; i--)
      files.set(
        `references/${pick(random, WORDS)}-${i}.md`,
        `# Reference\n\n${pick(random, SENTENCES)}\n`.repeat(3 + Math.floor(random() * 60)),
      );
  }
  if (random() < 0.2) files.set(`assets/template-${Math.floor(random() * 9)}.xlsx`, Buffer.alloc(1024 + Math.floor(random() * 16_384), 7));
  if (random() < 0.2)
    files.set('LICENSE.txt', 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n');
  return files;
}

/** A body length from 20 to 800 lines, most of them short, as in real repositories. */
function bodyLines(random: () => number): number {
  return Math.round(20 * Math.pow(40, random() ** 3));
}

/** The text of one SKILL.md: a few have no frontmatter, CRLF line ends or a byte-order mark. */
function skillMd(folder: string, files: readonly string[], random: () => number): string {
  const body = skillBody(bodyLines(random), random, files);
  const roll = random();
  if (roll < 0.01) return body;
  const text = `---\n${realisticFrontmatter(random, folder)}---\n${body}`;
  if (roll < 0.03) return text.replace(/\n/g, '\r\n');
  return roll < 0.04 ? `\ufeff${text}` : text;
}

/** Where a repository keeps its skills, 2 to 4 levels below the corpus root, and how many each place holds at most. */
function skillParents(repo: string, random: () => number): { dir: string; most: number }[] {
  const roll = random();
  if (roll < 0.45) return [{ dir: path.join(repo, 'skills'), most: 40 }];
  if (roll < 0.75)
    return Array.from({ length: 2 + Math.floor(random() * 7) }, (_, i) => ({
      dir: path.join(repo, 'plugins', `${pick(random, WORDS)}-plugin-${i}`, 'skills'),
      most: 6,
    }));
  if (roll < 0.85) return [{ dir: path.join(repo, '.claude', 'skills'), most: 12 }];
  return Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => ({
    dir: path.join(repo, 'src', 'skills', `group-${i}`),
    most: 10,
  }));
}

function write(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Creates at least `count` skill folders under `root`, in repositories, and returns the skill folders' paths. */
export function writeCorpus(root: string, count: number): string[] {
  const random = prng(2026);
  const dirs: string[] = [];
  for (let r = 0; dirs.length < count; r++) {
    const repo = path.join(root, `repo-${r}`);
    write(path.join(repo, 'README.md'), `# Skills ${r}\n\n${pick(random, SENTENCES)}\n`);
    write(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    write(path.join(repo, '.git', 'objects', 'pack', 'pack-1.idx'), Buffer.alloc(4096, 1));
    if (random() < 0.3) write(path.join(repo, 'package.json'), '{"name":"skills","private":true}\n');
    for (const parent of skillParents(repo, random)) {
      for (let s = 1 + Math.floor(random() * parent.most); s > 0 && dirs.length < count; s--) {
        const folder = `${pick(random, WORDS)}-${pick(random, WORDS)}-${dirs.length}`;
        const dir = path.join(parent.dir, folder);
        const extras = extraFiles(random);
        write(path.join(dir, 'SKILL.md'), skillMd(folder, [...extras.keys()], random));
        for (const [file, content] of extras) write(path.join(dir, file), content);
        dirs.push(dir);
      }
    }
  }
  return dirs;
}
