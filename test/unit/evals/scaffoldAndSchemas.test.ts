import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseOutputEvals, parseTriggerEvals } from '../../../src/core/evals/evalFiles';
import { scaffoldOutputEvals, scaffoldTriggerEvals } from '../../../src/core/evals/scaffoldEvals';

const ROOT = join(__dirname, '..', '..', '..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

describe('eval file scaffolds and schemas', () => {
  it('scaffolds both files from the description: two or more natural requests of each kind, and an output prompt of its own', () => {
    const description = 'Cleans and normalises CSV files. Use when a CSV has messy headers.';
    const triggers = parseTriggerEvals(scaffoldTriggerEvals('csv-cleaner', description), 'trigger-evals.json');
    const should = triggers.filter((item) => item.shouldTrigger).map((item) => item.query);
    assert.deepEqual(should, ['Can you clean and normalise CSV files?', 'I need help: a CSV has messy headers.']);
    assert.equal(triggers.filter((item) => !item.shouldTrigger).length, 3);
    const outputs = parseOutputEvals(scaffoldOutputEvals('csv-cleaner', description), 'evals.json');
    assert.equal(outputs.skillName, 'csv-cleaner');
    assert.deepEqual(
      outputs.evals.map((item) => [item.id, item.prompt]),
      [[1, 'Here is my task: clean and normalise CSV files. Do it step by step and tell me what you changed.']],
    );
    assert.ok(!triggers.some((item) => item.query === outputs.evals[0]?.prompt), 'the output prompt is not a trigger query');
    const asked = parseTriggerEvals(
      scaffoldTriggerEvals('release-notes', 'Drafts release notes. Use when the user asks for a changelog.'),
      't.json',
    );
    assert.deepEqual(
      asked.filter((item) => item.shouldTrigger).map((item) => item.query),
      ['Can you draft release notes?', "I'd like a changelog."],
    );
    const bare = parseTriggerEvals(scaffoldTriggerEvals('csv-cleaner', ''), 't.json');
    assert.deepEqual(
      bare.filter((item) => item.shouldTrigger).map((item) => item.query),
      ['Can you help me with csv cleaner?', 'I have a task for the csv cleaner skill. Where do I start?'],
    );
  });

  it('the manifest validates both files with schemas the .vsix ships, and the schemas know every check type', () => {
    const manifest = json('package.json') as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(
      manifest.contributes.jsonValidation.map((entry) => entry.fileMatch),
      ['**/evals/evals.json', '**/evals/trigger-evals.json'],
    );
    const allowList = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(allowList, /^!schemas\/\*\*$/m);
    for (const entry of manifest.contributes.jsonValidation)
      assert.ok(entry.url.startsWith('./schemas/') && json(entry.url) !== null, entry.url);
    type CheckSchema = {
      properties: {
        evals: {
          items: { required: string[]; properties: { checks: { items: { oneOf: { properties: { type: { const: string } } }[] } } } };
        };
      };
    };
    const evalsSchema = json('schemas/evals.schema.json') as CheckSchema;
    assert.deepEqual(evalsSchema.properties.evals.items.required, ['id', 'prompt']);
    const types = evalsSchema.properties.evals.items.properties.checks.items.oneOf.map((option) => option.properties.type.const);
    assert.deepEqual(types, ['contains', 'matches', 'file_exists', 'script_ran']);
    for (const type of types) {
      const field = { contains: 'value', matches: 'pattern', file_exists: 'name', script_ran: 'script' }[type] ?? '';
      assert.doesNotThrow(
        () => parseOutputEvals(JSON.stringify({ evals: [{ id: 1, prompt: 'p', checks: [{ type, [field]: 'x' }] }] }), 'e.json'),
        type,
      );
    }
    const triggerSchema = json('schemas/trigger-evals.schema.json') as { type: string; items: { required: string[] } };
    assert.deepEqual([triggerSchema.type, triggerSchema.items.required], ['array', ['query', 'should_trigger']]);
  });
});
