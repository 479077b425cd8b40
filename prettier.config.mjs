// The formatter's settings: the project's style as it was written (single quotes, trailing commas, lines up to
// 140 characters). A .mjs file, not .mts: Node 20, which the project still supports, cannot load a TypeScript config.
/** @type {import('prettier').Config} */
const config = {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
};

export default config;
