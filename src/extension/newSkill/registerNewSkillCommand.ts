import * as vscode from 'vscode';
import { createNewSkill, type NewSkillArgs } from './createNewSkill';

/** Registers "Skillsmith: New Skill…". */
export function registerNewSkillCommand(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.skill.new', (arg?: vscode.Uri | NewSkillArgs) => createNewSkill(arg, log)),
  );
}
