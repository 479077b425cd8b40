// `npm run test:package`: every test/package/**/*.test.ts under node:test, each file in a process of its own: the VSIX
// and the `skillsmith` npm package are built as a release builds them, and the npm package is installed and run as a
// user installs it. A phase of its own, after `process`: `npm run package` rewrites dist/, which those tests run.
import path from 'node:path';
import { runNodeTests } from './lib/nodeTests.mjs';

await runNodeTests(path.join('test', 'package'), { oneProcess: false });
