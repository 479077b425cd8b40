import * as vscode from 'vscode';
import type { Skill, SkillVersion } from '../../core/api/types';
import { versionLabelParts, versionTag, versionTime } from '../../core/api/versionLabel';

/** A skill as the tree names it: its display name (its id only when the service has none). */
export function skillLabel(skill: Skill): string {
  return skill.title || skill.id;
}

/**
 * A version as people read it: "v3 (Dec 6, 2026, 8:17:03 PM)", its ordinal within its skill (from `ordinals`, made
 * by core's `versionOrdinals` over every version of the skill) and when it was created, to the second, in the
 * display language. The time alone when the ordinal is not known; the beta label or id when neither is.
 */
export function versionLabel(version: SkillVersion, ordinals: ReadonlyMap<string, number>): string {
  const { tag, time } = versionLabelParts(version, ordinals, vscode.env.language);
  if (tag && time) return vscode.l10n.t('{0} ({1})', tag, time);
  return tag ?? time ?? version.version ?? version.id;
}

/** A version's short name: "v3", or its creation time when its ordinal is not known (a partial listing). */
export function versionShortLabel(version: SkillVersion, ordinals: ReadonlyMap<string, number>): string {
  const { tag, time } = versionLabelParts(version, ordinals, vscode.env.language);
  return tag ?? time ?? version.version ?? version.id;
}

/** When a version was created, to the second, in the display language; undefined when the date does not parse. */
export function versionTimeLabel(version: SkillVersion): string | undefined {
  return versionLabelParts(version, new Map(), vscode.env.language).time;
}

/** The label of a version known by what a folder's link remembers of it (ordinal, creation time); its id when neither. */
export function rememberedVersionLabel(version: { readonly id: string; readonly ordinal?: number; readonly createdAt?: string }): string {
  const tag = version.ordinal === undefined ? undefined : versionTag(version.ordinal);
  const time = version.createdAt === undefined ? undefined : versionTime(version.createdAt, vscode.env.language);
  if (tag && time) return vscode.l10n.t('{0} ({1})', tag, time);
  return tag ?? time ?? version.id;
}
