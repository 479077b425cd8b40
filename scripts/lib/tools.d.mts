/** Types of tools.mjs, for the tests. */

/** The repository root (the folder holding package.json). */
export declare const REPO_ROOT: string;

/**
 * Runs provision.sh (a no-op when the cache is warm) and returns the paths of the Node 24 binary and code-server's
 * entry script.
 */
export declare function provision(): Promise<{ cacheRoot: string; node24: string; codeServerEntry: string }>;
