// The repository's lint: typescript-eslint's recommended type-checked rules and the dependency rule of
// docs/development.md, checked by `npm run lint` and by `npm test`. Loaded through the root eslint.config.mts.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const extensionDir = fileURLToPath(new URL('../../src/extension/', import.meta.url));

/** The extension's folders that everything may use; every other folder of src/extension/ is a feature. */
const SHARED = ['services', 'ui', 'shared'];
const FEATURES = readdirSync(extensionDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED.includes(entry.name))
  .map((entry) => entry.name);

const featureType = (name: string): string => `feature-${name}`;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'tools/eslint/node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Type-aware: each file is checked against the program of its nearest tsconfig.json (Node side, webview, pages);
    // the two ESLint configuration files, which no tsconfig names, against a default one.
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mts', 'tools/eslint/eslint.config.mts'] },
        tsconfigRootDir: repoRoot,
      },
    },
  },
  {
    rules: {
      // `interface Window extends StreamGlobals {}` is how a global is augmented.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's runner awaits what `describe`, `it` and `test` return: a test file calls them without `await`.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
    },
  },
  {
    // The lazy loaders: a bundle (lazyBundle, at a path esbuild leaves alone) or a package required on first use,
    // so activation and the CLI's fast commands never load it.
    files: ['src/core/lazyBundle.ts', 'src/core/bundle/zipFileSet.ts', 'src/core/skill/yamlFrontmatter.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.d.ts'] } },
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        { type: 'core', pattern: 'src/core' },
        ...SHARED.map((name) => ({ type: `extension-${name}`, pattern: `src/extension/${name}` })),
        ...FEATURES.map((name) => ({ type: featureType(name), pattern: `src/extension/${name}` })),
      ],
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'allow',
          policies: [
            // Features are siblings: a feature uses services/, ui/, shared/ and core/, never another feature.
            ...FEATURES.map((name) => ({
              from: { element: { type: featureType(name) } },
              disallow: { to: { element: { types: { anyOf: FEATURES.filter((other) => other !== name).map(featureType) } } } },
            })),
            // What the features share knows no feature.
            {
              from: { element: { types: { anyOf: SHARED.map((name) => `extension-${name}`) } } },
              disallow: { to: { element: { types: { anyOf: FEATURES.map(featureType) } } } },
            },
            // core/ runs in the CLI and in tests: it knows nothing of the extension.
            {
              from: { element: { type: 'core' } },
              disallow: {
                to: { element: { types: { anyOf: [...SHARED.map((name) => `extension-${name}`), ...FEATURES.map(featureType)] } } },
              },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'core/ runs outside VS Code: it never imports vscode.' }] }],
    },
  },
);
