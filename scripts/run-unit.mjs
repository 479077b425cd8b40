// `npm run test:unit`: every test/unit/**/*.test.ts under node:test. Prints node's spec output live and a final
// `N passed, N failed` line.
import { runNodeTests } from './lib/nodeTests.mjs';

await runNodeTests('test/unit');
