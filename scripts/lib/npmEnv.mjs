// The environment for starting provision.sh from a runner script, without what an outer npm exported.
import path from 'node:path';

/** Whether `name` is a variable that an outer npm (running `npm test`, `npm start`, …) sets for its scripts. */
function isNpmVariable(name) {
  return /^npm_/i.test(name) || name === 'NODE' || name === 'INIT_CWD';
}

/** Whether `dir` is a folder an npm script prepends to PATH (node_modules/.bin, npm's node-gyp-bin). */
function isNpmScriptDir(dir) {
  return dir === '' || dir.endsWith(`${path.sep}node_modules${path.sep}.bin`) || path.basename(dir) === 'node-gyp-bin';
}

/**
 * `env` without the npm_config_*, npm_*, NODE and INIT_CWD variables and the PATH folders an outer npm adds,
 * so a nested `npm install` configures itself as if typed in a fresh shell.
 */
export function withoutNpmEnv(env) {
  const clean = Object.fromEntries(Object.entries(env).filter(([name]) => !isNpmVariable(name)));
  if (env.PATH !== undefined)
    clean.PATH = env.PATH.split(path.delimiter)
      .filter((dir) => !isNpmScriptDir(dir))
      .join(path.delimiter);
  return clean;
}
