import * as vscode from 'vscode';
import type { Services } from '../services/services';
import { exportSkill } from './exportSkill';
import { messageOf } from '../../core/messageOf';

/** Registers "Export Skill as .zip…" (palette, Explorer context menu on a skill folder or SKILL.md, SKILL.md editor title). */
export function registerExportCommand(context: vscode.ExtensionContext, services: Services): void {
  const { log } = services;
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmith.skill.export', async (arg?: unknown, target?: vscode.Uri) => {
      try {
        return await exportSkill(services, arg, target instanceof vscode.Uri ? target : undefined);
      } catch (error) {
        const message = messageOf(error);
        log.error(`Export failed: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the skill: {0}', message));
        return undefined;
      }
    }),
  );
}
