import * as vscode from 'vscode';

/** The version last published from a folder, and the content hash of exactly what was uploaded. */
export interface PublishedVersion {
  /** The version's id (`skver_…` or `skillver_…`). */
  readonly id: string;
  /** What URLs address it by (the id in the GA shape, the version label in the beta shape). */
  readonly ref: string;
  /** The content hash of the uploaded file set. */
  readonly hash: string;
  /** Files that look like secrets and were uploaded because the user allowed each by name. */
  readonly allowedSecrets: readonly string[];
  /** The version's ordinal within its skill when it was published (3 for "v3"), for its label. */
  readonly ordinal?: number;
  /** When the version was created (ISO 8601), for its label. */
  readonly createdAt?: string;
}

/** Which remote skill a local skill folder publishes to. */
export interface SkillLink {
  readonly skillId: string;
  /** The skill's display name when it was linked, for messages (the service may rename it later). */
  readonly title: string;
  /** Set once a version was published from this folder. */
  readonly published?: PublishedVersion;
}

const STATE_KEY = 'skillsmith.publish.links';

/**
 * The context key listing the paths of linked folders, as the workbench's `resourcePath` spells them (the
 * file system path; menus show "Compare with Remote Version…" on them). `resource` would not do: in a remote
 * window the workbench sees `vscode-remote:` URIs where the extension host sees `file:` ones.
 */
const LINKED_FOLDERS_CONTEXT = 'skillsmith.publish.linkedFolders';

/**
 * The links of this workspace's skill folders to remote skills, kept in workspace state (never in a file of
 * the skill folder), keyed by folder URI. What is read back is checked: anything malformed is dropped.
 */
export class LinkStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();

  /** Fires with the folder whose link was set or removed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** The link of `folder`, or undefined. */
  get(folder: vscode.Uri): SkillLink | undefined {
    return this.read()[keyOf(folder)];
  }

  /** Every linked folder with its link. */
  all(): Array<[vscode.Uri, SkillLink]> {
    return Object.entries(this.read()).map(([key, link]) => [vscode.Uri.parse(key), link]);
  }

  /** Links `folder` to a skill (replacing any earlier link). */
  async set(folder: vscode.Uri, link: SkillLink): Promise<void> {
    await this.write({ ...this.read(), [keyOf(folder)]: link });
    this.changed.fire(folder);
  }

  /** Forgets the link of `folder`. */
  async remove(folder: vscode.Uri): Promise<void> {
    const links = this.read();
    delete links[keyOf(folder)];
    await this.write(links);
    this.changed.fire(folder);
  }

  /** Publishes the linked folders' paths to `skillsmith.publish.linkedFolders`. */
  async publishContext(): Promise<void> {
    const paths = Object.keys(this.read()).map((key) => vscode.Uri.parse(key).fsPath);
    await vscode.commands.executeCommand('setContext', LINKED_FOLDERS_CONTEXT, paths);
  }

  private read(): Record<string, SkillLink> {
    const raw = this.state.get<unknown>(STATE_KEY);
    const links: Record<string, SkillLink> = {};
    if (typeof raw !== 'object' || raw === null) return links;
    for (const [key, value] of Object.entries(raw)) {
      if (isSkillLink(value)) links[key] = value;
    }
    return links;
  }

  private async write(links: Record<string, SkillLink>): Promise<void> {
    await this.state.update(STATE_KEY, links);
    await this.publishContext();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The key of a folder: its URI without a trailing slash. */
function keyOf(folder: vscode.Uri): string {
  return folder.with({ path: folder.path.replace(/\/+$/, '') }).toString();
}

function isSkillLink(value: unknown): value is SkillLink {
  if (typeof value !== 'object' || value === null) return false;
  const link = value as Record<string, unknown>;
  if (typeof link.skillId !== 'string' || typeof link.title !== 'string') return false;
  if (link.published === undefined) return true;
  const published = link.published as Record<string, unknown> | null;
  return (
    typeof published === 'object' &&
    published !== null &&
    typeof published.id === 'string' &&
    typeof published.ref === 'string' &&
    typeof published.hash === 'string' &&
    Array.isArray(published.allowedSecrets) &&
    published.allowedSecrets.every((path) => typeof path === 'string') &&
    (published.ordinal === undefined ||
      (typeof published.ordinal === 'number' && Number.isInteger(published.ordinal) && published.ordinal > 0)) &&
    (published.createdAt === undefined || typeof published.createdAt === 'string')
  );
}
