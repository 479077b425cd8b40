// `npm run test:process`: every test/process/**/*.test.ts under node:test, a process per file. These tests run the
// CLI as a process (built dist/cli.js or through tsx), start Chromium, run the l10n exporter and provision.sh, or push
// hundreds of megabytes through the disk or a socket (stress tests, seconds each).
import path from 'node:path';
import { runNodeTests } from './lib/nodeTests.mjs';

await runNodeTests(path.join('test', 'process'), { oneProcess: false });
