import * as vscode from 'vscode';
import type { SkillVersion } from '../../core/api/types';
import type { Services } from '../services/services';
import { isPublishRequest, type PublishOutcome } from '../shared/publishOutcome';
import type { RemoteSkillItem, RemoteSkillsView } from '../shared/remoteItems';
import { DriftDecorations } from './driftDecorations';
import type { LinkStore } from '../services/skillFolders/linkStore';
import { publishFolder, type PublishContext } from './publishFolder';
import { publishFromTree } from './publishFromTree';
import { messageOf } from '../../core/messageOf';

/** The publish feature: what the diff commands share with it, and what the integration tests drive. */
export interface PublishFeature {
  readonly links: LinkStore;
  readonly drift: DriftDecorations;
}

/** How long after the tree last changed the drift badges look at the service again. */
const TREE_SETTLE_MS = 300;

/**
 * Registers Publish (palette, Explorer, SKILL.md editor title, and "Publish New Version from Folder…" on a
 * custom skill in the tree), the drift badges on linked folders, and the Problems entries of a blocked
 * publish. No I/O here: links and badges are read when first needed.
 */
export function registerPublish(context: vscode.ExtensionContext, services: Services, remote: RemoteSkillsView): PublishFeature {
  const { folders } = services;
  const { links } = folders;
  const problems = vscode.languages.createDiagnosticCollection('skillsmith-publish');
  const drift = new DriftDecorations(links, {
    hashOfFolder: (folder) => folders.draftHash(folder),
    latestVersionOf: async (skillId) => {
      if (!(await services.auth.isSignedIn())) return undefined;
      return (await (await services.session.getClient()).getSkill(skillId)).latestVersion;
    },
    log: services.log,
  });
  const publishContext: PublishContext = {
    services,
    links,
    problems,
    extensionUri: context.extensionUri,
    showVersion: (skillId, version, reveal) => showVersion(remote, services.log, skillId, version, reveal),
  };
  const settle = debounce(() => void drift.checkAll(), TREE_SETTLE_MS);

  context.subscriptions.push(
    problems,
    drift,
    settle,
    vscode.window.registerFileDecorationProvider(drift),
    vscode.commands.registerCommand(
      'skillsmith.publish.folder',
      async (uri?: vscode.Uri, request?: unknown): Promise<PublishOutcome | undefined> => {
        const folder = await folders.resolve(uri, vscode.l10n.t('Publish which skill?'));
        const reveal = !isPublishRequest(request) || request.reveal;
        return folder ? publishFolder(publishContext, folder, undefined, reveal) : undefined;
      },
    ),
    vscode.commands.registerCommand('skillsmith.publish.toSkill', (node: RemoteSkillItem) => publishFromTree(publishContext, node)),
    links.onDidChange((folder) => void drift.check(folder)),
    vscode.workspace.onDidSaveTextDocument((document) => void drift.checkContaining(document.uri)),
    vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => void drift.checkContaining(uri))),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => void drift.checkContaining(uri))),
    vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ newUri }) => void drift.checkContaining(newUri))),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) problems.delete(event.document.uri);
    }),
    remote.onDidChange(() => settle.run()),
    services.auth.onDidChange(() => settle.run()),
  );
  void links.publishContext();
  return { links, drift };
}

/** Tells the tree about the new version and, when `reveal`, reveals it, selected; the publish itself worked even when this fails. */
async function showVersion(
  remote: RemoteSkillsView,
  log: vscode.LogOutputChannel,
  skillId: string,
  version: SkillVersion,
  reveal: boolean,
): Promise<void> {
  try {
    await (reveal ? remote.revealVersion(skillId, version) : remote.addVersion(skillId, version));
  } catch (error) {
    log.warn(`Published ${version.id}, but could not show it in the tree: ${messageOf(error)}`);
  }
}

/** Runs `action` once, `ms` after the last `run()`. */
function debounce(action: () => void, ms: number): { run(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        action();
      }, ms);
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}
