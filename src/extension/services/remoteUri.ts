import * as vscode from 'vscode';

/** The scheme of read-only files of downloaded skill versions. */
export const REMOTE_SCHEME = 'skillsmith-remote';

/** What a `skillsmith-remote:` URI addresses: a path inside one version of one skill ('' is its root). */
export interface RemoteLocation {
  readonly skillId: string;
  readonly versionRef: string;
  readonly path: string;
}

/** The names a person knows the skill and the version by (what the tree shows), for breadcrumbs and tabs. */
export interface RemoteNames {
  readonly skill: string;
  readonly version: string;
}

/**
 * Builds `skillsmith-remote:/<skill name>/<version name>/<path>?skill=<skillId>&version=<versionRef>`: the
 * path reads as the tree does (breadcrumbs "CSV Summarizer › Nov 10, 2025, 10:00 AM › SKILL.md"), the ids ride
 * in the query, which `joinPath` and `dirname` keep, so every URI VS Code derives still parses.
 */
export function toRemoteUri(location: RemoteLocation, names: RemoteNames): vscode.Uri {
  const segments = [
    nameSegment(names.skill, location.skillId),
    nameSegment(names.version, location.versionRef),
    ...location.path.split('/').filter(Boolean),
  ];
  const query = new URLSearchParams({ skill: location.skillId, version: location.versionRef }).toString();
  return vscode.Uri.from({ scheme: REMOTE_SCHEME, path: '/' + segments.join('/'), query });
}

/**
 * Builds a `skillsmith-remote:` URI whose path is the path of a local folder's file: the version's folder `root`
 * (its top-level folder, '' when it has none) is read as the local `folder`, so `root/SKILL.md` has the path of
 * `folder/SKILL.md`. The diff editor pairs a file with itself by path: comparing a folder with a version through
 * these URIs shows a changed file as changed, not as renamed. The ids and `root` ride in the query.
 */
export function toMirroredRemoteUri(location: RemoteLocation, root: string, folder: vscode.Uri): vscode.Uri {
  const inside = root === '' ? location.path : location.path.slice(root.length + 1);
  const query = new URLSearchParams({ skill: location.skillId, version: location.versionRef, root, at: folder.path }).toString();
  return vscode.Uri.from({
    scheme: REMOTE_SCHEME,
    path: [folder.path.replace(/\/+$/, ''), ...inside.split('/').filter(Boolean)].join('/'),
    query,
  });
}

/** Parses a URI built by `toRemoteUri` (the two name segments are skipped) or `toMirroredRemoteUri`; throws `FileNotFound` for anything else. */
export function fromRemoteUri(uri: vscode.Uri): RemoteLocation {
  const query = new URLSearchParams(uri.query);
  const skillId = query.get('skill');
  const versionRef = query.get('version');
  const at = query.get('at');
  if (uri.scheme === REMOTE_SCHEME && skillId && versionRef && at !== null)
    return mirroredLocation(uri, skillId, versionRef, at, query.get('root') ?? '');
  const segments = uri.path.split('/').filter(Boolean);
  if (uri.scheme !== REMOTE_SCHEME || !skillId || !versionRef || segments.length < 2) {
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  return { skillId, versionRef, path: segments.slice(2).join('/') };
}

/** The location of a mirrored URI: its path below the local folder `at`, under the version's folder `root`. */
function mirroredLocation(uri: vscode.Uri, skillId: string, versionRef: string, at: string, root: string): RemoteLocation {
  const base = at.replace(/\/+$/, '');
  if (uri.path !== base && !uri.path.startsWith(`${base}/`)) throw vscode.FileSystemError.FileNotFound(uri);
  const inside = uri.path.slice(base.length).split('/').filter(Boolean);
  return { skillId, versionRef, path: [...(root ? [root] : []), ...inside].join('/') };
}

/**
 * A name as one path segment: slashes become a look-alike that is not a separator, and a name that is
 * empty or only dots (which path joins would collapse) falls back to the id.
 */
function nameSegment(name: string, fallback: string): string {
  const segment = name.replace(/[/\\]/g, '\u2215').trim();
  return segment === '' || /^\.+$/.test(segment) ? fallback : segment;
}
