import * as path from 'node:path';

/** The API module's exports (dist/api.js), as types only: nothing of it is in the activation bundle. */
export type ApiModule = typeof import('../../../core/api');

let loaded: ApiModule | undefined;

/**
 * Loads dist/api.js (the SDK and the client) on first use. The path is computed so esbuild leaves the
 * `require` alone; the file sits next to dist/extension.js.
 */
export function loadApiModule(): ApiModule {
  loaded ??= require(path.join(__dirname, 'api.js')) as ApiModule;
  return loaded;
}
