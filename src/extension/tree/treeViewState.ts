import * as vscode from 'vscode';
import { apiErrorKind, errorMessage } from '../ui/errorMessage';
import type { GroupNode } from './nodes/groupNode';

/** The value of the `skillsmith.tree.state` context key. */
export type TreeState = 'ok' | 'empty' | 'error';

/**
 * The value of the `skillsmith.tree.error` context key while the state is `error`: which welcome explains
 * the failure (VS Code shows welcome content only while the view has no message, so the welcome says it).
 */
export type TreeErrorWelcome = 'auth' | 'permission' | 'offline' | 'overloaded' | 'rate-limited' | 'server' | 'other';

/**
 * What the Skills view says about its groups besides the rows: the `skillsmith.tree.state` and
 * `skillsmith.tree.error` context keys (which pick the welcome) and the view's message (what failed).
 */
export class TreeViewState implements vscode.Disposable {
  private readonly messageChanged = new vscode.EventEmitter<string | undefined>();
  private currentState: TreeState | undefined;
  private currentWelcome: TreeErrorWelcome | undefined;

  /** Fires with the text the view should show above the tree (what failed), or undefined. */
  readonly onDidChangeMessage = this.messageChanged.event;

  /** The state last published to `skillsmith.tree.state` (undefined before the first load). */
  get state(): TreeState | undefined {
    return this.currentState;
  }

  /** The error welcome last published to `skillsmith.tree.error` (undefined unless the state is `error`). */
  get errorWelcome(): TreeErrorWelcome | undefined {
    return this.currentWelcome;
  }

  /** Clears the view's message (everything was forgotten). */
  clearMessage(): void {
    this.messageChanged.fire(undefined);
  }

  /**
   * Works out the state of `groups` and publishes it with what failed: the view's message while groups show
   * (VS Code then hides every welcome), the welcome's kind in `skillsmith.tree.error` when nothing could load.
   */
  async publish(groups: readonly GroupNode[]): Promise<TreeState> {
    const loaded = groups.filter((group) => group.skills.isLoaded);
    const state: TreeState =
      loaded.length === 0
        ? 'error'
        : loaded.every((group) => group.skills.items.length === 0) && groups.every((group) => !group.skills.failure)
          ? 'empty'
          : 'ok';
    this.messageChanged.fire(state === 'error' ? undefined : failureMessage(groups));
    const welcome = state === 'error' ? errorWelcome(groups.find((group) => group.skills.failure)?.skills.failure) : undefined;
    if (welcome !== this.currentWelcome) {
      this.currentWelcome = welcome;
      await vscode.commands.executeCommand('setContext', 'skillsmith.tree.error', welcome);
    }
    if (state !== this.currentState) {
      this.currentState = state;
      await vscode.commands.executeCommand('setContext', 'skillsmith.tree.state', state);
    }
    return state;
  }

  dispose(): void {
    this.messageChanged.dispose();
  }
}

/** What failed, said once: one sentence when every group failed the same way, else one per failed group. */
function failureMessage(groups: readonly GroupNode[]): string | undefined {
  const failed = groups.flatMap((group) => (group.skills.failure ? [{ group, message: errorMessage(group.skills.failure) }] : []));
  if (failed.length === 0) return undefined;
  if (failed.length === groups.length && new Set(failed.map(({ message }) => message)).size === 1) {
    return vscode.l10n.t('Could not load the skills: {0}', failed[0]?.message ?? '');
  }
  return failed.map(({ group, message }) => vscode.l10n.t('Could not load the {0} skills: {1}', group.label, message)).join(' ');
}

/** Which error welcome explains a failure to load anything. */
function errorWelcome(failure: Error | undefined): TreeErrorWelcome {
  const kind = apiErrorKind(failure);
  switch (kind) {
    case 'auth':
      return 'auth';
    case 'permission':
      return 'permission';
    case 'offline':
    case 'timeout':
      return 'offline';
    case 'overloaded':
    case 'rate-limited':
    case 'server':
      return kind;
    default:
      return 'other';
  }
}
