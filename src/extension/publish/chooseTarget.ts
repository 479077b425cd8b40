import * as vscode from 'vscode';
import type { Skill, SkillsClient } from '../../core/api/types';
import { forEachConcurrently } from '../../core/async/forEachConcurrently';
import { checkDisplayName } from '../../core/bundle/uploadChecks';
import { apiErrorKind } from '../ui/errorMessage';
import type { LinkStore } from '../services/skillFolders/linkStore';
import type { Prompts } from '../ui/prompts';

/** Where an upload goes: a new version of an existing custom skill, or a new skill with a display name. */
export type PublishDestination =
  { readonly kind: 'existing'; readonly skill: Skill } | { readonly kind: 'new'; readonly displayName: string };

/** What choosing a target works with. */
export interface TargetContext {
  readonly links: LinkStore;
  readonly prompts: Prompts;
  readonly client: SkillsClient;
}

/** How many custom skills are asked for their latest version's name at once. */
const LOOKUP_CONCURRENCY = 4;

/**
 * The skill `folder` publishes to: `chosen` when the user picked it in the tree; else the folder's link, if
 * the skill still exists; else the user's pick among the custom skills whose latest version carries the
 * frontmatter `name` (Anthropic skills are never offered), or a new skill. Undefined when the user cancelled.
 */
export async function chooseTarget(
  context: TargetContext,
  folder: vscode.Uri,
  skillName: string,
  chosen?: Skill,
): Promise<PublishDestination | undefined> {
  if (chosen) return { kind: 'existing', skill: chosen };
  const link = context.links.get(folder);
  if (link) {
    const linked = await context.client.getSkill(link.skillId).catch((error: unknown) => {
      if (apiErrorKind(error) === 'not-found') return undefined;
      throw error;
    });
    if (linked?.source === 'custom') return { kind: 'existing', skill: linked };
    await context.links.remove(folder);
  }
  const matches = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for skills named {0}', skillName) },
    () => skillsNamed(context.client, skillName),
  );
  const choice = await context.prompts.pickLink(skillName, matches);
  if (!choice) return undefined;
  if (choice.kind === 'existing') return { kind: 'existing', skill: choice.skill };
  const displayName = await context.prompts.askDisplayName(skillName, validateDisplayName);
  return displayName === undefined ? undefined : { kind: 'new', displayName: displayName.trim() };
}

/** The custom skills whose latest version's frontmatter `name` is `name`, in the service's order. */
async function skillsNamed(client: SkillsClient, name: string): Promise<Skill[]> {
  const custom: Skill[] = [];
  for await (const skill of client.iterateSkills({ source: 'custom', limit: 100 })) custom.push(skill);
  const named = new Set<string>();
  await forEachConcurrently(custom, LOOKUP_CONCURRENCY, async (skill) => {
    if (!skill.latestVersion) return;
    const version = await client.getVersion(skill.id, skill.latestVersion).catch(() => undefined);
    if (version?.name === name) named.add(skill.id);
  });
  return custom.filter((skill) => named.has(skill.id));
}

/** A message for a display name the service would refuse, or undefined. */
function validateDisplayName(input: string): string | undefined {
  if (input.trim() === '') return vscode.l10n.t('Enter a display name.');
  return checkDisplayName(input.trim(), 'claude-api')?.message;
}
