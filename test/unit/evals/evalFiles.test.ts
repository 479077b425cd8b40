import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EvalFileError, parseOutputEvals, parseTriggerEvals } from '../../../src/core/evals/evalFiles';

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
    {"id": 2, "prompt": "Merge {two} [files]", "expectations": []}
  ]
}`;

describe('eval files', () => {
  it("reads skill-creator's evals.json with its optional checks, and the line of each case", () => {
    const file = parseOutputEvals(OUTPUT, 'evals/evals.json');
    assert.equal(file.skillName, 'pdf-tools');
    assert.deepEqual(file.evals.map((item) => [item.id, item.line, item.files, item.checks.length]), [
      [1, 3, ['evals/files/form.pdf'], 2],
      [2, 11, [], 0],
    ]);
    assert.equal(file.evals[1]?.expectedOutput, '');
  });

  it('reads a trigger set as a list of {query, should_trigger}, and the {"evals": [{prompt}]} form', () => {
    const list = parseTriggerEvals('[\n  {"query": "fill this PDF form", "should_trigger": true},\n  {"query": "weather?", "should_trigger": false}\n]', 't.json');
    assert.deepEqual(list, [
      { index: 0, query: 'fill this PDF form', shouldTrigger: true, line: 1 },
      { index: 1, query: 'weather?', shouldTrigger: false, line: 2 },
    ]);
    const wrapped = parseTriggerEvals('{"evals": [{"prompt": "merge PDFs", "should_trigger": true}]}', 't.json');
    assert.equal(wrapped[0]?.query, 'merge PDFs');
  });

  it('says which file, where and what is wrong', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => parseOutputEvals('{"evals": [', 'a/evals.json'), /^a\/evals\.json: is not valid JSON/],
      [() => parseOutputEvals('[]', 'e.json'), /^e\.json: must be an object/],
      [() => parseOutputEvals('{"evals": [{"id": 1}]}', 'e.json'), /^e\.json \(evals\[0\]\.prompt\): must be a non-empty string/],
      [() => parseOutputEvals('{"evals": [{"id": "1", "prompt": "x"}]}', 'e.json'), /\(evals\[0\]\.id\): must be an integer/],
      [() => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x"}, {"id": 1, "prompt": "y"}]}', 'e.json'), /\(evals\[1\]\.id\): 1 is used by an earlier case/],
      [() => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x", "expectations": [3]}]}', 'e.json'), /\(evals\[0\]\.expectations\): must be a list of strings/],
      [() => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x", "checks": [{"type": "matches", "pattern": "("}]}]}', 'e.json'), /\(evals\[0\]\.checks\[0\]\.pattern\): is not a valid regular expression/],
      [() => parseOutputEvals('{"evals": [{"id": 1, "prompt": "x", "checks": [{"type": "smells"}]}]}', 'e.json'), /\(evals\[0\]\.checks\[0\]\.type\): must be one of/],
      [() => parseTriggerEvals('{"query": "x"}', 't.json'), /^t\.json: must be a list of \{"query", "should_trigger"\}/],
      [() => parseTriggerEvals('[{"query": "x", "should_trigger": "yes"}]', 't.json'), /\(\[0\]\.should_trigger\): must be true or false/],
      [() => parseTriggerEvals('[{"query": "  ", "should_trigger": true}]', 't.json'), /\(\[0\]\.query\): must be a non-empty string/],
    ];
    for (const [parse, message] of cases) {
      assert.throws(parse, (error: unknown) => error instanceof EvalFileError && message.test(error.message), String(message));
    }
  });
});
