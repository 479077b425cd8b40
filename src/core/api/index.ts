/** The API module, bundled as dist/api.js and loaded by the extension on first use. */
export type * from './types';
