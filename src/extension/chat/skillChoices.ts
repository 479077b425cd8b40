import * as vscode from 'vscode';
import type { Skill, SkillsClient, SkillVersion } from '../../core/api/types';
import { versionLabel, versionOrdinals, versionTag } from '../../core/api/versionLabel';
import type { SkillChoice } from '../../shared/chat/protocol';
import { errorMessage } from '../ui/errorMessage';
import type { Prompts, SkillPickItem } from '../ui/prompts';

/** How many skills of each source the picker lists, and how many versions a chip offers. */
const PICKER_LIMIT = 100;
const VERSIONS_LIMIT = 20;
/** Versions read to number them (every version of a skill, up to this many). */
const VERSIONS_READ = 1_000;

/** A skill's source as the Messages API names it in `container.skills`. */
export function skillType(skill: Skill): 'anthropic' | 'custom' {
  return skill.source === 'anthropic' ? 'anthropic' : 'custom';
}

/**
 * The versions a chip offers, newest first, each with its label ("v3 (Dec 6, 2026, 8:17:03 PM)") and tag ("v3", what
 * a turn's footer names it by); none when they cannot be listed (only `latest` is offered then).
 */
async function versionsOf(client: SkillsClient, skillId: string): Promise<SkillChoice['versions']> {
  try {
    const versions: SkillVersion[] = [];
    for await (const version of client.iterateVersions(skillId, { limit: 100 })) {
      versions.push(version);
      if (versions.length >= VERSIONS_READ) break;
    }
    const ordinals = versionOrdinals(versions);
    const ordinal = (version: SkillVersion) => ordinals.get(version.id) ?? 0;
    return [...versions]
      .sort((a, b) => ordinal(b) - ordinal(a))
      .slice(0, VERSIONS_LIMIT)
      .map((version) => ({
        ref: version.ref,
        label: versionLabel(version, ordinals, vscode.env.language),
        tag: versionTag(ordinal(version)),
      }));
  } catch {
    return [];
  }
}

/** The chip of a skill, with its versions listed. */
export async function skillChoice(
  client: SkillsClient,
  skill: { type: 'anthropic' | 'custom'; skillId: string; title: string },
  version = 'latest',
): Promise<SkillChoice> {
  return { ...skill, version, versions: await versionsOf(client, skill.skillId) };
}

/** The picker's items: custom skills, then Anthropic's, each under a separator. */
export async function skillPickItems(client: SkillsClient, chosen: readonly SkillChoice[]): Promise<SkillPickItem[]> {
  const taken = new Set(chosen.map((skill) => skill.skillId));
  const [custom, anthropic] = await Promise.all(
    (['custom', 'anthropic'] as const).map((source) => client.listSkills({ source, limit: PICKER_LIMIT }).then((page) => page.items)),
  );
  const items: SkillPickItem[] = [];
  const group = (label: string, skills: readonly Skill[]) => {
    const free = skills.filter((skill) => !taken.has(skill.id));
    if (free.length === 0) return;
    items.push({ label, kind: vscode.QuickPickItemKind.Separator, skillId: '', skillType: 'custom', title: '' });
    // Names only: an id is no help in choosing, and an Anthropic skill's id is its name again ("pdf pdf").
    for (const skill of free)
      items.push({ label: skill.title || skill.id, skillId: skill.id, skillType: skillType(skill), title: skill.title || skill.id });
  };
  group(vscode.l10n.t('Custom'), custom);
  group(vscode.l10n.t('Anthropic'), anthropic);
  return items;
}

/**
 * Asks which skills to add (custom and Anthropic ones, as the service lists them, without those `chosen`); resolves
 * with their chips, or undefined when cancelled. A list that cannot be read is said in an error message.
 */
export async function pickSkillChoices(
  client: SkillsClient,
  prompts: Prompts,
  chosen: readonly SkillChoice[],
  title: string,
): Promise<SkillChoice[] | undefined> {
  const items = skillPickItems(client, chosen);
  items.catch((error: unknown) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not list the skills: {0}', errorMessage(error)));
  });
  const picked = await prompts.pickSkills(items, title);
  if (!picked) return undefined;
  return Promise.all(picked.map((item) => skillChoice(client, { type: item.skillType, skillId: item.skillId, title: item.title })));
}
