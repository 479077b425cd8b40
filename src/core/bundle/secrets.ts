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

/** True when the file's name (last path segment) looks like it holds a secret. */
export function looksLikeSecret(relativePath: string): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return SECRET_NAMES.some((pattern) => pattern.test(name));
}
