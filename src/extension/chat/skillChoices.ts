import * as vscode from 'vscode';
import type { Skill, SkillsClient, SkillVersion } from '../../core/api/types';
import type { SkillChoice } from '../../shared/chat/protocol';
import { dateTime } from '../ui/dateTime';
import type { SkillPickItem } from './chatPrompts';

/** How many skills of each source the picker lists, and how many versions a chip offers. */
const PICKER_LIMIT = 100;
const VERSIONS_LIMIT = 20;

/** A skill's source as the Messages API names it in `container.skills`. */
export function skillType(skill: Skill): 'anthropic' | 'custom' {
  return skill.source === 'anthropic' ? 'anthropic' : 'custom';
}

/** A version's label in the version menu: its creation time, and its epoch label or id. */
function versionLabel(version: SkillVersion): string {
  const time = dateTime(version.createdAt);
  const id = version.version ?? version.id;
  return time ? `${time} (${id})` : id;
}

/** The versions a chip offers, newest first; none when they cannot be listed (only `latest` is offered then). */
async function versionsOf(client: SkillsClient, skillId: string): Promise<SkillChoice['versions']> {
  try {
    const page = await client.listVersions(skillId, { limit: VERSIONS_LIMIT });
    return page.items.map((version) => ({ ref: version.ref, label: versionLabel(version) }));
  } catch {
    return [];
  }
}

/** The chip of a skill, with its versions listed. */
export async function skillChoice(client: SkillsClient, skill: { type: 'anthropic' | 'custom'; skillId: string; title: string }, version = 'latest'): Promise<SkillChoice> {
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
    for (const skill of free) items.push({ label: skill.title || skill.id, description: skill.id, skillId: skill.id, skillType: skillType(skill), title: skill.title || skill.id });
  };
  group(vscode.l10n.t('Custom'), custom);
  group(vscode.l10n.t('Anthropic'), anthropic);
  return items;
}
