// `npm run test:unit`: every test/unit/**/*.test.ts under node:test in one process. Pure in-process tests only:
// tests that spawn processes, build dist/, start a browser or stress the disk or network for seconds belong in test/process
// (`npm run test:process`).
import path from 'node:path';
import { runNodeTests } from './lib/nodeTests.mjs';

await runNodeTests(path.join('test', 'unit'), { oneProcess: true });
