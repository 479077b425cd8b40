/** Which file names look like secrets that must not be uploaded by accident. */

const SECRET_NAMES = [
  /^\.env(\..*)?$/i, // .env, .env.local, ...
  /^\.envrc$/i, // direnv
  /\.pem$/i,
  /\.key$/i,
  /\.(p12|pfx|jks|keystore|kdbx)$/i, // key stores and password databases
  /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)([._-].*)?$/i, // private keys, also `id_rsa_old`; `.pub` is the public half
  /^\.npmrc$/i,
  /^\.pypirc$/i,
  /^\.netrc$/i,
  /^\.git-credentials$/i,
  /^\.pgpass$/i,
  /^\.htpasswd$/i,
  /^credentials$/i, // ~/.aws/credentials and the like
  /credentials.*\.json$/i,
  /^client_secret.*\.json$/i,
  /^service[-_]?account.*\.json$/i,
  /^secrets?\.(ya?ml|json|toml)$/i,
  /\.tfstate(\.backup)?$/i, // Terraform state holds every secret of the infrastructure it describes
  /^kubeconfig$/i,
];

/** Paths whose last two segments name a credential file kept under a tool's folder. */
const SECRET_PATHS = /(?:^|\/)(?:\.docker\/config\.json|\.kube\/config)$/i;

/** SECRET_NAMES as one pattern (each is case-insensitive), tested once per file name. */
const ANY_SECRET_NAME = new RegExp(SECRET_NAMES.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

/** True when the file's `name` (last path segment), or its tool folder and name, looks like it holds a secret. */
export function looksLikeSecret(relativePath: string, name = relativePath.slice(relativePath.lastIndexOf('/') + 1)): boolean {
  return ANY_SECRET_NAME.test(name) || SECRET_PATHS.test(relativePath);
}
