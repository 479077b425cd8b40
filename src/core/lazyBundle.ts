import * as path from 'node:path';

/**
 * A getter that requires `dist/<file>`, a bundle beside the running one, on its first call and hands back the same
 * exports after: what the activation bundle and `skillsmith lint` leave out (the SDK, the chat, the evals) is
 * parsed only when first used. The path is computed so esbuild leaves the `require` alone; `Exports` is the
 * bundle's entry module, imported as types only.
 */
export function lazyBundle<Exports>(file: string): () => Exports {
  let loaded: Exports | undefined;
  return () => (loaded ??= require(path.join(__dirname, file)) as Exports);
}
