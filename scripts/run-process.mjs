// `npm run test:process`: every test/process/**/*.test.ts under node:test, a process per file. These tests run the
// CLI as a process (built dist/cli.js or through tsx), start Chromium, or run the l10n exporter and provision.sh.
import path from 'node:path';
import { runNodeTests } from './lib/nodeTests.mjs';

await runNodeTests(path.join('test', 'process'), { oneProcess: false });
