/** Which file names look like secrets that must not be uploaded by accident. */

const SECRET_NAMES = [
  /^\.env(\..*)?$/i, // .env, .env.local, ...
  /\.pem$/i,
  /\.key$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)(\..*)?$/i, // private keys; `.pub` is the public half
  /^\.npmrc$/i,
  /^\.pypirc$/i,
  /^\.netrc$/i,
  /credentials.*\.json$/i,
  /^client_secret.*\.json$/i,
  /^service[-_]?account.*\.json$/i,
];

/** SECRET_NAMES as one pattern (each is case-insensitive), tested once per file name. */
const ANY_SECRET_NAME = new RegExp(SECRET_NAMES.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

/** True when the file's name (last path segment) looks like it holds a secret. */
export function looksLikeSecret(relativePath: string): boolean {
  return ANY_SECRET_NAME.test(relativePath.slice(relativePath.lastIndexOf('/') + 1));
}
