// Builds every bundle of Skillsmith. `node esbuild.js [--production] [--watch]`.
//  dist/extension.js  the activation bundle (small: no SDK, no YAML parser up front)
//  dist/api.js        the API client and the SDK, required on first use by the extension
//  dist/chat.js       the chat panel's host side, required by the extension on the first chat command or restored panel
//  dist/evals.js      the evals' Test Explorer items, runs and comparisons, required when the Testing view first asks
//  dist/cli.js        the `skillsmith` command: its table of subcommands, each required on use from
//  dist/cli-*.js      one bundle per src/cli/*Command.ts, so `skillsmith lint` never parses the SDK or the emulator
//  dist/yaml.js       the `yaml` package, required by the linter only for frontmatter its fast path cannot read
//  dist/jszip.js      the `jszip` package, required by the extension only when it zips a skill (export)
//  dist/webview/      the chat webview's page: chat.js (browser code, no Node APIs), chat.css (from media/chat.css and
//                     @vscode/codicons' stylesheet) and codicon.ttf
//  out/test/**        the integration tests, run inside the real VS Code extension host
// `node esbuild.js --production --cli-outdir DIR` builds only what the `skillsmith` npm package carries (cli.js, cli-*.js,
// api.js, yaml.js) into DIR: scripts/build-cli-package.mjs uses it for packages/cli.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOutdirFlag = process.argv.indexOf('--cli-outdir');
const cliOutdir = cliOutdirFlag === -1 ? undefined : path.resolve(process.argv[cliOutdirFlag + 1]);

/** Options every Node bundle shares. */
const nodeBase = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The integration bundles: the suite's `index.ts` and every `*.test.ts`, each bundled one for one into
 * out/test/integration (helpers under support/ are bundled into the files that import them).
 */
function integrationEntries() {
  const dir = path.join(__dirname, 'test', 'integration');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

/**
 * Keeps heavy packages out of the bundles that start fast (extension, CLI): a lazy `require('yaml')` becomes
 * `require('./yaml.js')`, a sibling bundle built below, loaded only when a frontmatter needs the full parser (and
 * `jszip` likewise in the extension, loaded only to export a skill).
 */
function asSiblingBundles(...packages) {
  return {
    name: 'as-sibling-bundles',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${packages.join('|')})$`) }, (args) => ({ path: `./${args.path}.js`, external: true }));
    },
  };
}

/** The subcommand modules, `src/cli/<name>Command.ts`: each becomes `dist/cli-<name>Command.js`. */
const SUBCOMMAND_FILE = /^[a-z]+Command\.ts$/;
const subcommandEntries = fs.readdirSync(path.join(__dirname, 'src', 'cli')).filter((f) => SUBCOMMAND_FILE.test(f));

/** In dist/cli.js, `import('./cli/xCommand.js')` becomes a require of the sibling bundle `./cli-xCommand.js`. */
const subcommandsAsSiblingBundles = {
  name: 'subcommands-as-sibling-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli\/[a-z]+Command\.js$/ }, (args) => ({ path: `./cli-${path.basename(args.path)}`, external: true }));
  },
};

/**
 * What the `skillsmith` command needs, built into `outdir`: its table of subcommands, one bundle per subcommand, the
 * API module (the SDK, required by publish, diff, run and eval on use) and the full YAML parser (required by the linter
 * only for frontmatter its fast path cannot read). The extension shares api.js and yaml.js.
 */
function cliBuilds(outdir) {
  return [
    { ...nodeBase, entryPoints: ['src/core/api/index.ts'], outfile: path.join(outdir, 'api.js') },
    { ...nodeBase, entryPoints: [require.resolve('yaml')], outfile: path.join(outdir, 'yaml.js') },
    {
      ...nodeBase,
      plugins: [subcommandsAsSiblingBundles],
      supported: { 'dynamic-import': false }, // a plain require of the sibling: no ES module loader at start-up
      entryPoints: ['src/cli.ts'],
      outfile: path.join(outdir, 'cli.js'),
      banner: { js: '#!/usr/bin/env node' },
    },
    ...subcommandEntries.map((file) => ({
      ...nodeBase,
      plugins: [asSiblingBundles('yaml')],
      entryPoints: [path.join('src', 'cli', file)],
      outfile: path.join(outdir, `cli-${file.replace(/\.ts$/, '.js')}`),
    })),
  ];
}

const builds = cliOutdir
  ? cliBuilds(cliOutdir)
  : [
      {
        ...nodeBase,
        entryPoints: ['src/extension/extension.ts'],
        outfile: 'dist/extension.js',
        external: ['vscode'],
        plugins: [asSiblingBundles('yaml', 'jszip')],
      },
      { ...nodeBase, entryPoints: ['src/extension/chat/chatPanels.ts'], outfile: 'dist/chat.js', external: ['vscode'] },
      {
        ...nodeBase,
        entryPoints: ['src/extension/evals/evalFeature.ts'],
        outfile: 'dist/evals.js',
        external: ['vscode'],
        plugins: [asSiblingBundles('yaml', 'jszip')],
      },
      { ...nodeBase, entryPoints: [require.resolve('jszip')], outfile: 'dist/jszip.js' },
      ...cliBuilds('dist'),
      {
        bundle: true,
        platform: 'browser',
        target: 'es2022',
        format: 'iife',
        minify: production,
        sourcemap: production ? false : 'linked',
        sourcesContent: false,
        logLevel: 'warning',
        legalComments: 'none',
        entryPoints: { chat: 'src/webview/chat/main.ts' },
        outdir: 'dist/webview',
        // The codicon font that chat.css (with @vscode/codicons' stylesheet) names, copied beside it.
        loader: { '.ttf': 'file' },
        assetNames: '[name]',
      },
      {
        ...nodeBase,
        minify: false,
        sourcemap: 'inline',
        entryPoints: integrationEntries(),
        outdir: 'out/test/integration',
        outbase: 'test/integration',
        external: ['vscode', 'mocha'],
      },
    ];

/**
 * In watch mode, one `[watch] build started` line before a rebuild and one `[watch] build finished` after every
 * bundle it touched is done: the markers the F5 task's problem matcher (.vscode/tasks.json) waits for.
 */
function watchMarkers() {
  let running = 0;
  return {
    name: 'watch-markers',
    setup(build) {
      build.onStart(() => {
        if (running++ === 0) console.log('[watch] build started');
      });
      build.onEnd(() => {
        if (--running === 0) console.log('[watch] build finished');
      });
    },
  };
}

async function main() {
  const markers = watch ? [watchMarkers()] : [];
  const contexts = await Promise.all(
    builds
      .filter((b) => Object.keys(b.entryPoints).length > 0)
      .map((b) => esbuild.context({ ...b, plugins: [...(b.plugins ?? []), ...markers] })),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync(path.join(cliOutdir ?? path.join(__dirname, 'dist'), 'cli.js'), 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
