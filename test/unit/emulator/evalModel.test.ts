import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createChatSession } from '../../../src/core/chat/createChatSession';
import { skillUses } from '../../../src/core/evals/skillActivity';
import { gradeExpectations } from '../../../src/core/evals/grader';
import { skillsRead } from '../../../src/emulator/scriptedModel';
import { promptTriggers } from '../../../src/emulator/skillTrigger';
import { emulatorForSuite } from './support';

const MODEL = 'claude-sonnet-5-5';
const CSV = 'Cleans and normalises CSV files. Use when a CSV has messy headers or encodings.';

describe('emulator: the scripted model can be evaluated', () => {
  const env = emulatorForSuite({ seed: true });
  const csvCleaner = (): string => env.emulator.admin.store.list('custom').find((skill) => skill.name === 'csv-cleaner')?.id ?? '';

  it('tells a better description from a worse one on the same queries, the same way every time', () => {
    const should = [
      'Tidy the spreadsheet columns of this export',
      'Fix the messy headers in this CSV file',
      'Repair the spreadsheet encoding of my export',
    ];
    const shouldNot = ['Plan a weekend trip to Rome', 'Write a haiku about autumn leaves'];
    const rates = (description: string): [number, number] => [
      should.filter((query) => promptTriggers(query, 'csv-tidy', description)).length,
      shouldNot.filter((query) => promptTriggers(query, 'csv-tidy', description)).length,
    ];
    const worse = 'Cleans messy CSV files.';
    const better = 'Cleans messy CSV files: tidy spreadsheet columns, headers and encodings of an export.';
    assert.deepEqual(rates(worse), [1, 0]);
    assert.deepEqual(rates(better), [3, 0], 'more of what it should catch, nothing it should not');
    assert.deepEqual(rates(better), rates(better));
  });

  it('a prompt triggers a skill when it names it, shares two words of its description or asks about the skills, deterministically', () => {
    assert.equal(promptTriggers('Please clean the messy headers of this file', 'csv-cleaner', CSV), true, 'messy + headers');
    assert.equal(promptTriggers('My CSV files have odd encodings', 'csv-cleaner', CSV), true, 'file(s) + encodings');
    assert.equal(promptTriggers('Run csv-cleaner on it', 'csv-cleaner', CSV), true, 'named');
    assert.equal(promptTriggers('What is the weather in Paris?', 'csv-cleaner', CSV), false);
    assert.equal(promptTriggers('I need help with this CSV', 'csv-cleaner', CSV), false, 'one shared word is not enough');
    assert.equal(promptTriggers('Use the csv-cleanerx tool', 'csv-cleaner', CSV), false, 'a longer word is not the name');
    assert.equal(promptTriggers('Which skills do you see?', 'csv-cleaner', CSV), true, 'asking about the skills reads them all');
  });

  it('through the SDK, it reads /skills/<dir>/SKILL.md only when the prompt triggers the skill', async () => {
    const chat = () =>
      createChatSession(env.sdk, {
        model: MODEL,
        maxTokens: 4096,
        skills: [
          { type: 'custom', skillId: csvCleaner() },
          { type: 'anthropic', skillId: 'xlsx' },
        ],
      });
    const hit = await chat().send('Fix the messy headers in my CSV files');
    assert.deepEqual([...skillUses(hit).keys()], ['csv-cleaner']);
    assert.match(hit.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(''), /Reading the SKILL\.md of 1 skill\./);
    const miss = await chat().send('What is the capital of France?');
    assert.equal(miss.status, 'done');
    assert.equal(miss.blocks.filter((block) => block.type === 'tool').length, 0);
    assert.match(
      miss.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(''),
      /None of the 2 skills in the container matches the prompt\./,
    );
    const alone = createChatSession(env.sdk, { model: MODEL, maxTokens: 4096, skills: [{ type: 'custom', skillId: csvCleaner() }] });
    const missAlone = await alone.send('What is the capital of France?');
    assert.match(
      missAlone.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join(''),
      /The one skill in the container does not match the prompt\./,
    );
  });

  it('counts the skills it reads or passes over in words that agree with the number, with thousands separators', () => {
    assert.equal(skillsRead(0, 0), 'No skills are attached to the container.');
    assert.equal(skillsRead(1, 0), 'The one skill in the container does not match the prompt.');
    assert.equal(skillsRead(2, 0), 'None of the 2 skills in the container matches the prompt.');
    assert.equal(skillsRead(1200, 0), 'None of the 1,200 skills in the container matches the prompt.');
    assert.equal(skillsRead(3, 1), 'Reading the SKILL.md of 1 skill.');
    assert.equal(skillsRead(3, 2), 'Reading the SKILL.md files of 2 skills.');
    assert.equal(skillsRead(1200, 1200), 'Reading the SKILL.md files of 1,200 skills.');
  });

  it("answers a grader request's forced tool with a structured verdict per expectation", async () => {
    const transcript = 'User: clean it\n\nAssistant: I removed 3 duplicate rows and wrote cleaned.csv.';
    const grading = await gradeExpectations(
      env.sdk,
      ["The answer mentions 'cleaned.csv'", 'Duplicate rows were removed', "It mentions 'encoding'"],
      transcript,
      { model: MODEL },
    );
    assert.deepEqual(
      grading.expectations.map((item) => item.passed),
      [true, true, false],
    );
    assert.match(grading.expectations[2]?.evidence ?? '', /does not contain "encoding"/);
    assert.ok(grading.inputTokens > 0 && grading.outputTokens > 0);
  });

  it('answers a streamed forced tool call as tool_use with its input in input_json_delta, and refuses a tool_choice naming no tool', async () => {
    const stream = env.sdk.messages.stream({
      model: MODEL,
      max_tokens: 1000,
      messages: [{ role: 'user', content: 'Expectations (JSON):\n["says \'hi\'"]\n\nTranscript (JSON string):\n"hi there"\n' }],
      tools: [{ name: 'record_verdicts', input_schema: { type: 'object', properties: { verdicts: { type: 'array' } } } }],
      tool_choice: { type: 'tool', name: 'record_verdicts' },
    });
    const final = await stream.finalMessage();
    assert.equal(final.stop_reason, 'tool_use');
    const call = final.content[0];
    assert.equal(call?.type, 'tool_use');
    assert.deepEqual(call?.type === 'tool_use' && call.input, {
      verdicts: [{ text: "says 'hi'", passed: true, evidence: 'The transcript contains "hi".' }],
    });
    await assert.rejects(
      env.sdk.messages.create({
        model: MODEL,
        max_tokens: 100,
        messages: [{ role: 'user', content: 'x' }],
        tool_choice: { type: 'tool', name: 'missing' },
      }),
      (error: unknown) =>
        error instanceof Error && 'status' in error && error.status === 400 && /tool 'missing' is not among/.test(error.message),
    );
  });
});
