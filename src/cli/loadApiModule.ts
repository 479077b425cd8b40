import * as path from 'node:path';

/** The API module's exports (dist/api.js), as types only: the SDK is not part of dist/cli.js. */
export type ApiModule = typeof import('../core/api');

/**
 * Loads dist/api.js (the SDK and the client) when a command first talks to the API, so `skillsmith lint`
 * and `skillsmith pack` never load the SDK. The path is computed so esbuild leaves the `require` alone.
 */
export function loadApiModule(): ApiModule {
  return require(path.join(__dirname, 'api.js')) as ApiModule;
}
