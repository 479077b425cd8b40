/**
 * Starter eval files for a skill, from its frontmatter: requests a user would type for what the description says
 * the skill does and when to use it (which should trigger), unrelated ones (which should not), and one output case
 * whose prompt is none of the trigger queries. Valid against the parsers and the shipped schemas; meant to be edited.
 */

/** Requests that no skill about anything in particular should pick up. */
const UNRELATED_QUERIES = [
  'What is the capital of France?',
  'Write a haiku about autumn leaves.',
  'Explain the difference between TCP and UDP in two sentences.',
];

/** The fewest should-trigger queries a scaffold has. */
const MIN_TRIGGER_QUERIES = 2;

/** The text of `evals/trigger-evals.json` for the skill `name` with this description. */
export function scaffoldTriggerEvals(name: string, description: string): string {
  const cases = [
    ...triggerQueries(name, description).map((query) => ({ query, should_trigger: true })),
    ...UNRELATED_QUERIES.map((query) => ({ query, should_trigger: false })),
  ];
  return `${JSON.stringify(cases, null, 2)}\n`;
}

/** The text of `evals/evals.json` for the skill `name` with this description. */
export function scaffoldOutputEvals(name: string, description: string): string {
  const task = parts(description).tasks[0];
  const file = {
    skill_name: name,
    evals: [
      {
        id: 1,
        prompt: task
          ? `Here is my task: ${task}. Do it step by step and tell me what you changed.`
          : 'Describe a task the skill should do, as a user would ask for it.',
        expected_output: 'Describe what a good answer contains.',
        files: [],
        expectations: [`The answer follows the ${name} skill's instructions`],
      },
    ],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** At least two requests for the skill, in a user's words: "Can you …?" per task, "I need help: …" per occasion. */
function triggerQueries(name: string, description: string): string[] {
  const { tasks, occasions } = parts(description);
  const queries = [
    ...tasks.map((task) => `Can you ${task}?`),
    ...occasions.map((occasion) => (occasion.startsWith("I'd like") ? `${occasion}.` : `I need help: ${occasion}.`)),
  ];
  const topic = name.replace(/[-_]+/g, ' ').trim() || 'this';
  const fallbacks = [`Can you help me with ${topic}?`, `I have a task for the ${topic} skill. Where do I start?`];
  for (const fallback of fallbacks) if (queries.length < MIN_TRIGGER_QUERIES) queries.push(fallback);
  return queries.slice(0, 4);
}

/**
 * The description's sentences as tasks ("Cleans CSV files." → "clean CSV files") and occasions ("Use when a CSV has
 * messy headers." → "a CSV has messy headers", "the user asks for a changelog" → "I'd like a changelog").
 */
function parts(description: string): { tasks: string[]; occasions: string[] } {
  const tasks: string[] = [];
  const occasions: string[] = [];
  for (const sentence of description.split(/(?<=[.!?])\s+/)) {
    const text = sentence.trim().replace(/[.!?]+$/, '');
    if (text === '') continue;
    const occasion = /^use (?:this |it |this skill )?(?:when|for|if|whenever)\s+(.+)$/i.exec(text)?.[1];
    if (occasion) occasions.push(occasion.replace(/^(?:the )?user (?:asks for|wants|needs)\b/i, "I'd like"));
    else tasks.push(asRequest(text));
  }
  return { tasks, occasions };
}

/** "Cleans and normalises CSV files" → "clean and normalise CSV files": a third-person verb made a request's. */
function asRequest(sentence: string): string {
  const [first = '', ...rest] = sentence.split(' ');
  const verb = first.toLowerCase();
  const base = /ies$/.test(verb)
    ? verb.replace(/ies$/, 'y')
    : /(?:sh|ch|ss|x|z)es$/.test(verb)
      ? verb.replace(/es$/, '')
      : /[^s]s$/.test(verb)
        ? verb.slice(0, -1)
        : undefined;
  if (base === undefined) return `help with this: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  // "Cleans and normalises": the verb after "and" too.
  const joined = rest.join(' ').replace(/^(and|or) (\w+?)(ies|es|s)\b/, (_, and: string, stem: string, ending: string) => {
    const word = `${stem}${ending}`;
    return `${and} ${ending === 'ies' ? `${stem}y` : ending === 'es' && /(?:sh|ch|ss|x|z)$/.test(stem) ? stem : word.slice(0, -1)}`;
  });
  return [base, joined].filter(Boolean).join(' ');
}
