import * as vscode from 'vscode';

/** The scheme of read-only files of downloaded skill versions. */
export const REMOTE_SCHEME = 'skillsmith-remote';

/** What a `skillsmith-remote:` URI addresses: a path inside one version of one skill ('' is its root). */
export interface RemoteLocation {
  readonly skillId: string;
  readonly versionRef: string;
  readonly path: string;
}

/** Builds `skillsmith-remote:/<skillId>/<versionRef>/<path>`. */
export function toRemoteUri(location: RemoteLocation): vscode.Uri {
  const segments = [location.skillId, location.versionRef, ...location.path.split('/').filter(Boolean)];
  return vscode.Uri.from({ scheme: REMOTE_SCHEME, path: '/' + segments.join('/') });
}

/** Parses a URI built by `toRemoteUri`; throws `FileNotFound` for anything else. */
export function fromRemoteUri(uri: vscode.Uri): RemoteLocation {
  const [skillId, versionRef, ...rest] = uri.path.split('/').filter(Boolean);
  if (uri.scheme !== REMOTE_SCHEME || !skillId || !versionRef) throw vscode.FileSystemError.FileNotFound(uri);
  return { skillId, versionRef, path: rest.join('/') };
}
