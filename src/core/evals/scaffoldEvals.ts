/**
 * Starter eval files for a skill, from its frontmatter: trigger queries drawn from the description (which should
 * trigger) and unrelated ones (which should not), and one output case to fill in. Valid against the parsers and
 * the shipped schemas; meant to be edited.
 */

/** Requests that no skill about anything in particular should pick up. */
const UNRELATED_QUERIES = [
  'What is the capital of France?',
  'Write a haiku about autumn leaves.',
  'Explain the difference between TCP and UDP in two sentences.',
];

/** The text of `evals/trigger-evals.json` for a skill with this description. */
export function scaffoldTriggerEvals(description: string): string {
  const requests = sentences(description).map((sentence) => `Please help: ${lowerFirst(sentence)}`);
  const cases = [
    ...(requests.length > 0 ? requests : ['Please help me with this task.']).map((query) => ({ query, should_trigger: true })),
    ...UNRELATED_QUERIES.map((query) => ({ query, should_trigger: false })),
  ];
  return `${JSON.stringify(cases, null, 2)}\n`;
}

/** The text of `evals/evals.json` for the skill `name` with this description. */
export function scaffoldOutputEvals(name: string, description: string): string {
  const [first] = sentences(description);
  const file = {
    skill_name: name,
    evals: [
      {
        id: 1,
        prompt: first ? `Please help: ${lowerFirst(first)}` : 'Describe a task the skill should do.',
        expected_output: 'Describe what a good answer contains.',
        files: [],
        expectations: [`The answer follows the ${name} skill's instructions`],
      },
    ],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The description's sentences that say what the skill does (not "Use when…"), at most three. */
function sentences(description: string): string[] {
  return description
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '' && !/^use (this |it )?(when|for|if)\b/i.test(sentence))
    .slice(0, 3);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
