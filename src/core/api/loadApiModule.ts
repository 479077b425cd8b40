import { lazyBundle } from '../lazyBundle';

/** The API module's exports (dist/api.js), as types only: neither the activation bundle nor dist/cli.js holds the SDK. */
export type ApiModule = typeof import('./index');

/** Loads dist/api.js (the SDK and the client) when the extension or a command first talks to the API. */
export const loadApiModule = lazyBundle<ApiModule>('api.js');
