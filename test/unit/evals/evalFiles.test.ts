import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EvalFileError, parseOutputEvals, parseTriggerEvals } from '../../../src/core/evals/evalFiles';
import { loadEvals } from '../../../src/core/evals/loadEvals';

const OUTPUT = `{
  "skill_name": "pdf-tools",
  "evals": [
    {
      "id": 1,
      "prompt": "Fill the form",
      "expected_output": "A filled PDF",
      "files": ["evals/files/form.pdf"],
      "expectations": ["The output names the form's fields"],
      "checks": [{"type": "contains", "value": "form"}, {"type": "matches", "pattern": "fields?", "flags": "i"}]
    },
    {"id": 2, "prompt": "Merge {two} [files]", "assertions": ["Both files are merged"]}
  ]
}`;

describe('eval files', () => {
  it("reads skill-creator's evals.json with its optional checks, and the line of each case", () => {
    const file = parseOutputEvals(OUTPUT, 'evals/evals.json');
    assert.equal(file.skillName, 'pdf-tools');
    assert.deepEqual(
      file.evals.map((item) => [item.id, item.line, item.files, item.checks.length]),
      [
        [1, 3, ['evals/files/form.pdf'], 2],
        [2, 11, [], 0],
      ],
    );
    assert.equal(file.evals[1]?.expectedOutput, '');
    assert.deepEqual(file.evals[1]?.expectations, ['Both files are merged']);
  });

  it("reads agentskills.io's assertions as the same list as expectations", () => {
    const file = parseOutputEvals('{"evals": [{"id": 1, "prompt": "p", "expectations": ["a"], "assertions": ["b", "c"]}]}', 'evals.json');
    assert.deepEqual(file.evals[0]?.expectations, ['a', 'b', 'c']);
  });

  it('a case with nothing to grade is an error at its line, naming the case', () => {
    const text =
      '{\n  "evals": [\n    {"id": 1, "prompt": "p", "checks": [{"type": "contains", "value": "x"}]},\n    {"id": 3, "prompt": "q", "expectations": []}\n  ]\n}';
    assert.throws(
      () => parseOutputEvals(text, 'evals.json'),
      (error: unknown) =>
        error instanceof EvalFileError &&
        error.line === 3 &&
        error.where === 'evals[1]' &&
        error.problem === 'eval 3 has nothing to grade: add expectations, assertions or checks.',
    );
  });

  it('a problem inside a case, and broken JSON, carry their line', () => {
    const text = '{\n  "evals": [\n    {"id": 1, "prompt": "p", "expectations": ["a"]},\n    {"id": 2, "prompt": ""}\n  ]\n}';
    assert.throws(
      () => parseOutputEvals(text, 'e.json'),
      (error: unknown) => error instanceof EvalFileError && error.line === 3 && error.where === 'evals[1].prompt',
    );
    assert.throws(
      () => parseTriggerEvals('[\n  {"query": "a", "should_trigger": true},\n  {"query": "b" "should_trigger": true}\n]', 't.json'),
      (error: unknown) =>
        error instanceof EvalFileError &&
        error.line === 2 &&
        error.problem ===
          "Not valid JSON at 3:17 (line 3, column 17): expected ',' or '}' after property value. Fix the file and save it again.",
    );
  });

  it("says where broken JSON breaks as line:column, in a whole sentence, without the parser's cut quote of the file", () => {
    const problem = (text: string): string => {
      try {
        parseTriggerEvals(text, 't.json');
      } catch (error) {
        if (error instanceof EvalFileError) return error.problem;
      }
      return 'no error';
    };
    const long = `[\n${'  {"query": "a query long enough to be cut", "should_trigger": true},\n'.repeat(4)}  {"query": "b", "should_trigger": tru}\n]`;
    assert.equal(problem(long), 'Not valid JSON at 6:39 (line 6, column 39): unexpected "}". Fix the file and save it again.');
    assert.equal(problem('[ nope ]'), 'Not valid JSON at 1:4 (line 1, column 4): unexpected "o". Fix the file and save it again.');
    assert.equal(
      problem('[\n  {"query": "x"'),
      "Not valid JSON at 2:16 (line 2, column 16): expected ',' or '}' after property value. Fix the file and save it again.",
    );
    assert.equal(
      problem(''),
      'Not valid JSON at 1:1 (line 1, column 1): the file ends before the JSON does. Fix the file and save it again.',
    );
  });

  it('reads a trigger set as a list of {query, should_trigger}, and the {"evals": [{prompt}]} form', () => {
    const list = parseTriggerEvals(
      '[\n  {"query": "fill this PDF form", "should_trigger": true},\n  {"query": "weather?", "should_trigger": false}\n]',
      't.json',
    );
    assert.deepEqual(list, [
      { index: 0, query: 'fill this PDF form', shouldTrigger: true, line: 1 },
      { index: 1, query: 'weather?', shouldTrigger: false, line: 2 },
    ]);
    const wrapped = parseTriggerEvals('{"evals": [{"prompt": "merge PDFs", "should_trigger": true}]}', 't.json');
    assert.equal(wrapped[0]?.query, 'merge PDFs');
  });

  it('says which file, where and what is wrong', () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => parseOutputEvals('{"evals": [', 'a/evals.json'),
        /^a\/evals\.json: Not valid JSON at 1:12 \(line 1, column 12\): the file ends before the JSON does\./,
      ],
      [() => parseOutputEvals('[]', 'e.json'), /^e\.json: must be an object/],
      [() => parseOutputEvals('{"evals": [{"id": 1}]}', 'e.json'), /^e\.json \(evals\[0\]\.prompt\): must be a non-empty string\.$/],
      [() => parseOutputEvals('{"evals": [{"id": "1", "prompt": "x"}]}', 'e.json'), /\(evals\[0\]\.id\): must be an integer/],
      [
        () =>
          parseOutputEvals(
            '{"evals": [{"id": 1, "prompt": "x", "assertions": ["a"]}, {"id": 1, "prompt": "y", "assertions": ["a"]}]}',
            'e.json',
          ),
        /\(evals\[1\]\.id\): 1 is used by an earlier case/,
      ],
      [
        () => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x", "expectations": [3]}]}', 'e.json'),
        /\(evals\[0\]\.expectations\): must be a list of strings/,
      ],
      [
        () => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x", "checks": [{"type": "matches", "pattern": "("}]}]}', 'e.json'),
        /\(evals\[0\]\.checks\[0\]\.pattern\): is not a valid regular expression/,
      ],
      [
        () => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x", "checks": [{"type": "smells"}]}]}', 'e.json'),
        /\(evals\[0\]\.checks\[0\]\.type\): must be one of/,
      ],
      [() => parseTriggerEvals('{"query": "x"}', 't.json'), /^t\.json: must be a list of \{"query", "should_trigger"\}/],
      [() => parseTriggerEvals('[{"query": "x", "should_trigger": "yes"}]', 't.json'), /\(\[0\]\.should_trigger\): must be true or false/],
      [() => parseTriggerEvals('[{"query": "x"}]', 't.json'), /\(\[0\]\.should_trigger\): must be true or false/],
      [() => parseTriggerEvals('[{"query": "  ", "should_trigger": true}]', 't.json'), /\(\[0\]\.query\): must be a non-empty string/],
    ];
    for (const [parse, message] of cases) {
      assert.throws(parse, (error: unknown) => error instanceof EvalFileError && message.test(error.message), String(message));
    }
  });
});

describe('loading eval files', () => {
  it('a FIFO in place of an eval file or SKILL.md is refused at once, never read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'skillsmith-fifo-'));
    try {
      await mkdir(join(folder, 'evals'));
      await writeFile(join(folder, 'SKILL.md'), '---\nname: fifo\ndescription: d\n---\n');
      execFileSync('mkfifo', [join(folder, 'evals', 'evals.json')]);
      await assert.rejects(
        loadEvals(folder),
        (error: unknown) => error instanceof EvalFileError && /cannot be read \(it is not a regular file/.test(error.message),
      );
      await rm(join(folder, 'SKILL.md'));
      execFileSync('mkfifo', [join(folder, 'SKILL.md')]);
      await assert.rejects(loadEvals(folder), /has no readable SKILL\.md \(it is not a regular file/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
