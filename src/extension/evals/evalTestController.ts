import * as vscode from 'vscode';
import type { SkillFolders } from '../services/skillFolders/skillFolders';
import { buildSkillItem, EVAL_FILES, labelWithRate, skillItemId, type EvalCaseRef, type LastRate } from './evalTestItems';

/**
 * The Test Explorer's eval items: a skill folder per item, its eval files under it, their cases under those.
 * Nothing is read until the Testing view asks (`discover`, from the controller's `resolveHandler`); then a watcher keeps the items in step with the
 * eval files and SKILL.md files on disk.
 */
export class EvalTestTree implements vscode.Disposable {
  /** The case behind each case item, by item id. */
  readonly cases = new Map<string, EvalCaseRef>();
  /** The rate of each case's last run, by item id. */
  private readonly rates = new Map<string, LastRate>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private discovered: Promise<void> | undefined;
  private watching = false;
  /** Rebuilds run one after another, so two events of one save cannot interleave. */
  private queue: Promise<void> = Promise.resolve();

  /** Fires with a skill folder after its items were rebuilt. */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly controller: vscode.TestController,
    private readonly folders: SkillFolders,
  ) {}

  /** Resolves once the listing and every rebuild asked for so far are done. */
  async settled(): Promise<void> {
    await this.discover();
    await this.queue.catch(() => undefined);
  }

  /** Lists the skill folders again (the Test Explorer's refresh). */
  rediscover(): Promise<void> {
    this.discovered = undefined;
    return this.discover();
  }

  /** Lists every skill folder of the workspace with eval files (once; later calls wait for the same listing). */
  discover(): Promise<void> {
    this.discovered ??= this.listAll();
    this.watch();
    return this.discovered;
  }

  /** The case items under the included items (under all items when `include` is undefined), minus the excluded. */
  casesOf(include: readonly vscode.TestItem[] | undefined, exclude: readonly vscode.TestItem[] = []): vscode.TestItem[] {
    const excluded = new Set(exclude.map((item) => item.id));
    const found: vscode.TestItem[] = [];
    const visit = (item: vscode.TestItem): void => {
      if (excluded.has(item.id)) return;
      if (this.cases.has(item.id)) found.push(item);
      item.children.forEach(visit);
    };
    if (include) include.forEach(visit);
    else this.controller.items.forEach(visit);
    return found;
  }

  /** The current item of a case (a rebuild during a run replaces the item objects), or undefined when it is gone. */
  currentItem(id: string): vscode.TestItem | undefined {
    return this.cases.get(id)?.item;
  }

  /** Shows `rate` at the start of the case's label, and keeps it across rebuilds while the case reads the same. */
  showRate(id: string, rate: string): void {
    const ref = this.cases.get(id);
    if (!ref) return;
    ref.item.label = labelWithRate(ref.baseLabel, rate);
    this.rates.set(id, { fingerprint: ref.fingerprint, rate });
  }

  /** Takes the rate of an older run away from the case's item (it did not run this time). */
  clearRate(id: string): void {
    const ref = this.cases.get(id);
    this.rates.delete(id);
    if (ref) ref.item.label = ref.baseLabel;
  }

  private async listAll(): Promise<void> {
    const folders = await this.folders.list();
    const items = await Promise.all(
      folders.map((folder) => buildSkillItem(this.controller, folder, { cases: this.cases, rates: this.rates })),
    );
    this.controller.items.replace(items.filter((item): item is vscode.TestItem => item !== undefined));
    for (const folder of folders) this.changed.fire(folder);
  }

  /** Rebuilds the items of `folder` (removes them when it has no eval file or no SKILL.md any more). */
  private refresh(folder: vscode.Uri): Promise<void> {
    this.queue = this.queue.then(
      () => this.rebuild(folder),
      () => this.rebuild(folder),
    );
    return this.queue;
  }

  private async rebuild(folder: vscode.Uri): Promise<void> {
    await this.discovered;
    const item = (await this.folders.isSkillFolder(folder))
      ? await buildSkillItem(this.controller, folder, { cases: this.cases, rates: this.rates })
      : undefined;
    if (item) this.controller.items.add(item);
    else {
      this.controller.items.delete(skillItemId(folder));
      for (const [id, ref] of this.cases) if (ref.folder.toString() === folder.toString()) this.cases.delete(id);
    }
    this.changed.fire(folder);
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const evalFiles = vscode.workspace.createFileSystemWatcher(`**/{${EVAL_FILES.join(',')}}`);
    const onEvalFile = (uri: vscode.Uri): void => void this.refresh(vscode.Uri.joinPath(uri, '..', '..'));
    this.disposables.push(
      evalFiles,
      evalFiles.onDidCreate(onEvalFile),
      evalFiles.onDidChange(onEvalFile),
      evalFiles.onDidDelete(onEvalFile),
      // SKILL.md files coming and going: the skill folders' one watcher says which folders.
      this.folders.onDidChange((folder) => void this.refresh(folder)),
      // A save in the editor need not wait for the watcher (which may start late, or drop events under load).
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (EVAL_FILES.some((file) => document.uri.path.endsWith(`/${file}`))) onEvalFile(document.uri);
      }),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
