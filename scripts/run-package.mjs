// `npm run test:package`: every test/package/**/*.test.ts under node:test: the VSIX and the `skillsmith` npm
// package are built as a release builds them, and the npm package is installed and run as a user installs it.
import { runNodeTests } from './lib/nodeTests.mjs';

await runNodeTests('test/package');
