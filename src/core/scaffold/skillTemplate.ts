/** The files of a new skill folder, rendered from a name and the optional parts the author asked for. */
import { yamlScalar } from '../skill/yamlText';

/** Optional parts of a new skill. */
export type SkillExtra = 'scripts' | 'references';

/** What a new skill is made from. */
export interface NewSkillSpec {
  /** The skill's `name`, also its folder name. */
  readonly name: string;
  /** One or two sentences: what the skill does and when to use it. */
  readonly description?: string;
  readonly extras?: readonly SkillExtra[];
}

/** A file to create, relative to the new skill's folder (POSIX separators). */
export interface TemplateFile {
  readonly path: string;
  readonly content: string;
}

const DEFAULT_DESCRIPTION = 'Describe what this skill does and when Claude should use it, in one or two sentences.';

/** "pdf-form-filler" → "Pdf Form Filler". */
export function titleFromName(name: string): string {
  return name
    .split('-')
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

function skillMd(spec: NewSkillSpec): string {
  const extras = spec.extras ?? [];
  const resources: string[] = [];
  if (extras.includes('scripts')) resources.push('- [scripts/example.py](scripts/example.py): run it with `python scripts/example.py`.');
  if (extras.includes('references'))
    resources.push('- [references/REFERENCE.md](references/REFERENCE.md): details to read only when needed.');
  const lines = [
    '---',
    `name: ${spec.name}`,
    `description: ${yamlScalar(spec.description?.trim() || DEFAULT_DESCRIPTION)}`,
    '---',
    '',
    `# ${titleFromName(spec.name)}`,
    '',
    '## When to use this skill',
    '',
    'Say which requests this skill is for, and which it is not for.',
    '',
    '## Instructions',
    '',
    '1. The first step Claude should take.',
    '2. The next step.',
    '',
  ];
  if (resources.length > 0) lines.push('## Resources', '', ...resources, '');
  return lines.join('\n');
}

const EXAMPLE_SCRIPT = [
  '"""An example script for this skill. Replace it with your own."""',
  '',
  '',
  'def main() -> None:',
  '    print("Hello from the skill.")',
  '',
  '',
  'if __name__ == "__main__":',
  '    main()',
  '',
].join('\n');

const REFERENCE_DOC = ['# Reference', '', 'Longer material the skill reads only when it needs it.', ''].join('\n');

/** Every file of a new skill, SKILL.md first. */
export function renderSkillTemplate(spec: NewSkillSpec): TemplateFile[] {
  const files: TemplateFile[] = [{ path: 'SKILL.md', content: skillMd(spec) }];
  if (spec.extras?.includes('scripts')) files.push({ path: 'scripts/example.py', content: EXAMPLE_SCRIPT });
  if (spec.extras?.includes('references')) files.push({ path: 'references/REFERENCE.md', content: REFERENCE_DOC });
  return files;
}
