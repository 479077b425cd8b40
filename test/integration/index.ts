import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { FileReporter } from './support/fileReporter';

/** The environment variable holding a `--grep` pattern from the runner, if any. */
const GREP_ENV = 'SKILLSMITH_TEST_GREP';

/** Every bundled `*.test.js` under `dir`, sorted so runs are repeatable. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * The integration suite's entry point (`extensionTestsPath`): the extension host requires this module and
 * awaits `run()`. Mocha TDD interface (`suite`/`test`), 60 s per test; rejects when any test fails.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: FileReporter });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
