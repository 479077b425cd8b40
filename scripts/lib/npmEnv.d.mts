/** Types of npmEnv.mjs, for the unit tests. */

/**
 * `env` without the npm_config_*, npm_*, NODE and INIT_CWD variables and the PATH folders an outer npm adds,
 * so a nested `npm install` configures itself as if typed in a fresh shell.
 */
export declare function withoutNpmEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
