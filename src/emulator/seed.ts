import type { StoredSkill, StoredSource } from './model';
import { makeVersion } from './store';
import { checkUpload, type UploadedFile } from './upload';
import { newSkillId } from './ids';

const encoder = new TextEncoder();

/** The files of a small skill folder named `name`, plus any extra files (paths relative to the folder). */
export function exampleFiles(name: string, description: string, extra: Record<string, Uint8Array | string> = {}): UploadedFile[] {
  const skillMd = `---\nname: ${name}\ndescription: ${description}\n---\n\n# ${name}\n\nExample skill served by the Skillsmith emulator.\n`;
  const files: UploadedFile[] = [{ path: `${name}/SKILL.md`, data: encoder.encode(skillMd) }];
  for (const [path, data] of Object.entries(extra)) {
    files.push({ path: `${name}/${path}`, data: typeof data === 'string' ? encoder.encode(data) : data });
  }
  return files;
}

/** A stored skill with `versionCount` versions of the same folder, created a minute apart in the past. */
function storedSkill(source: StoredSource, displayName: string, files: UploadedFile[], versionCount: number, start: number): StoredSkill {
  const upload = checkUpload(files);
  const versions = Array.from({ length: versionCount }, (_, index) => makeVersion(upload, new Date(start + index * 60_000)));
  const last = versions.at(-1)?.createdAt ?? new Date(start).toISOString();
  return { id: newSkillId(), displayName, source, createdAt: versions[0]?.createdAt ?? last, updatedAt: last, name: upload.name, versions };
}

/** What `--seed` serves: the four Anthropic skills (read-only) and three custom skills with several versions. */
export function seedSkills(now = Date.now()): StoredSkill[] {
  const day = 86_400_000;
  const anthropic = [
    { name: 'xlsx', title: 'Excel spreadsheets', description: 'Create, edit and analyse Excel spreadsheets with formulas and charts.' },
    {
      name: 'pptx',
      title: 'PowerPoint presentations',
      description: 'Create and edit PowerPoint presentations with layouts and speaker notes.',
    },
    { name: 'docx', title: 'Word documents', description: 'Create and edit Word documents with tracked changes and comments.' },
    { name: 'pdf', title: 'PDF documents', description: 'Extract text and tables from PDFs, fill forms, merge and split documents.' },
  ].map(({ name, title, description }, index) =>
    storedSkill('anthropic', title, exampleFiles(name, description), 1 + (index % 2), now - 30 * day + index * day),
  );
  const custom = [
    storedSkill(
      'custom',
      'Release notes',
      exampleFiles('release-notes', 'Writes release notes from merged pull requests. Use when preparing a release.', {
        'templates/notes.md': '## {{version}}\n\n{{changes}}\n',
      }),
      3,
      now - 10 * day,
    ),
    storedSkill(
      'custom',
      'CSV cleaner',
      exampleFiles('csv-cleaner', 'Cleans and normalises CSV files. Use when a CSV has messy headers or encodings.', {
        'scripts/clean.py': 'import csv\nimport sys\n\nprint("cleaning", sys.argv[1:])\n',
        'assets/sample.bin': new Uint8Array([0, 1, 2, 253, 254, 255]),
      }),
      2,
      now - 5 * day,
    ),
    storedSkill(
      'custom',
      'Brand voice',
      exampleFiles('brand-voice', 'Rewrites copy in the house brand voice. Use for marketing text.', {
        'reference/tone.md': '# Tone\n\nWarm, brief, concrete.\n',
      }),
      4,
      now - 2 * day,
    ),
  ];
  return [...anthropic, ...custom];
}

/** `count` custom skills with `versionsPerSkill` versions each, made in memory (for benchmarks and load tests). */
export function generatedSkills(count: number, versionsPerSkill: number, now = Date.now()): StoredSkill[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `generated-skill-${index + 1}`;
    return storedSkill(
      'custom',
      `Generated skill ${index + 1}`,
      exampleFiles(name, `Generated skill number ${index + 1}.`),
      versionsPerSkill,
      now - (count - index) * 1000,
    );
  });
}
