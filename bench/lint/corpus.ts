/** Writes a corpus of varied skill folders for the lint benchmark. */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { prng } from '../../test/unit/skill/frontmatterFuzz';

const PARAGRAPH = 'Read the input carefully, then follow the steps below. Prefer the bundled scripts over writing new code.';

/** The Markdown body of a skill: headings, paragraphs, lists, a code block and links, about `lines` long. */
export function skillBody(lines: number, random: () => number): string {
  const out: string[] = ['', '# Instructions', ''];
  while (out.length < lines) {
    const roll = random();
    if (roll < 0.1) out.push('', `## Step ${out.length}`, '');
    else if (roll < 0.2) out.push('```bash', 'python scripts/run.py --input data.csv', '```');
    else if (roll < 0.35) out.push(`- See [the reference](reference/guide.md) and \`scripts/run.py\`.`);
    else out.push(PARAGRAPH);
  }
  return out.join('\n') + '\n';
}

/** The frontmatter of skill `name`: mostly clean, some with the usual mistakes, some needing the full YAML reader. */
function frontmatter(name: string, random: () => number): string {
  const roll = random();
  const description = `Handles ${name} tasks. Use when the user asks about ${name.replace(/-/g, ' ')}.`;
  if (roll < 0.6) return `name: ${name}\ndescription: ${description}\nlicense: MIT\n`;
  if (roll < 0.7) return `name: ${name}\ndescription: "${description}"\nmetadata:\n  author: bench\n  version: "1.0"\n`;
  if (roll < 0.78) return `name: ${name}\ndescription: Use when: the user asks\nwhen_to_use: always\n`;
  if (roll < 0.85) return `name: ${name.toUpperCase().replace(/-/g, ' ')}\ndescription: ${description} <example>x</example>\n`;
  if (roll < 0.93) return `name: ${name}\ndescription: >-\n  ${description}\n  More detail on a second line.\n`;
  return `name: ${name}\ndescription: ${description}\nallowed-tools:\n  - Read\n  - Bash\n`;
}

/** Creates `count` skill folders under `root` (some with scripts and references) and returns their paths. */
export async function writeCorpus(root: string, count: number): Promise<string[]> {
  const random = prng(2026);
  const dirs: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `bench-skill-${i}`;
    const dir = path.join(root, `group-${i % 20}`, name);
    await mkdir(path.join(dir, 'scripts'), { recursive: true });
    const body = skillBody(20 + Math.floor(random() * 200), random);
    await writeFile(path.join(dir, 'SKILL.md'), `---\n${frontmatter(name, random)}---\n${body}`);
    await writeFile(path.join(dir, 'scripts', 'run.py'), 'print("run")\n');
    if (random() < 0.5) {
      await mkdir(path.join(dir, 'reference'), { recursive: true });
      await writeFile(path.join(dir, 'reference', 'guide.md'), '# Guide\n');
    }
    dirs.push(dir);
  }
  return dirs;
}
