import * as vscode from 'vscode';
import { exportSkill } from './exportSkill';
import { messageOf } from '../../core/messageOf';

/** Registers "Export Skill as .zip…" (palette, Explorer context menu on a skill folder or SKILL.md, SKILL.md editor title). */
export function registerExportCommand(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.skill.export', async (arg?: vscode.Uri, target?: vscode.Uri) => {
      try {
        return await exportSkill(log, arg instanceof vscode.Uri ? arg : undefined, target instanceof vscode.Uri ? target : undefined);
      } catch (error) {
        const message = messageOf(error);
        log.error(`Export failed: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the skill: {0}', message));
        return undefined;
      }
    }),
  );
}
