import * as fs from 'node:fs';
import Mocha from 'mocha';

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

/** The environment variable naming the file the reporter mirrors its output into. */
export const TEST_LOG_ENV = 'SKILLSMITH_TEST_LOG';

/**
 * A spec-like mocha reporter for the extension host, where `console.log` reaches only the browser:
 * every line also goes to the file named by `SKILLSMITH_TEST_LOG`, which the runner tails.
 */
export class FileReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const logPath = process.env[TEST_LOG_ENV];
    const write = (line: string): void => {
      console.log(line);
      if (logPath) fs.appendFileSync(logPath, line + '\n');
    };
    let depth = 0;
    const indent = (): string => '  '.repeat(depth);
    const failures: Mocha.Test[] = [];

    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) write(indent() + suite.title);
      depth += 1;
    });
    runner.on(EVENT_SUITE_END, () => {
      depth -= 1;
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => write(`${indent()}✔ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => write(`${indent()}- ${test.title} (pending)`));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      failures.push(test);
      write(`${indent()}✘ ${failures.length}) ${test.title}`);
      write(`${indent()}    ${(error.stack ?? error.message).split('\n').join(`\n${indent()}    `)}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      write('');
      write(`mocha: ${stats?.passes ?? 0} passing, ${stats?.failures ?? 0} failing, ${stats?.pending ?? 0} pending`);
      for (const [index, test] of failures.entries()) write(`  ${index + 1}) ${test.fullTitle()}`);
    });
  }
}
