import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { createNewSkill, type NewSkillArgs } from './createNewSkill';

/** Registers "Skillsmith: New Skill…". */
export function registerNewSkillCommand(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.skill.new', (arg?: vscode.Uri | NewSkillArgs) => createNewSkill(arg, services)),
  );
}
