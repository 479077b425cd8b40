/**
 * When the scripted model uses a skill: deterministically, when the prompt names the skill or shares enough
 * words with its description, as a model picks skills from their descriptions.
 */

/** Distinct description words a prompt must share for the skill to trigger. */
export const SHARED_WORDS_TO_TRIGGER = 2;

/** Words too common to say what a prompt is about. */
const STOP_WORDS = new Set([
  'about',
  'also',
  'and',
  'any',
  'are',
  'can',
  'could',
  'does',
  'doing',
  'done',
  'each',
  'every',
  'for',
  'from',
  'have',
  'help',
  'into',
  'just',
  'like',
  'make',
  'more',
  'most',
  'much',
  'need',
  'only',
  'other',
  'please',
  'should',
  'some',
  'such',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'thing',
  'things',
  'this',
  'those',
  'through',
  'used',
  'uses',
  'using',
  'very',
  'want',
  'what',
  'when',
  'where',
  'which',
  'while',
  'will',
  'with',
  'without',
  'would',
  'your',
  'you',
  'use',
  'test',
  'testing',
]);

/**
 * True when `prompt` names the skill (`name` as a word), shares `SHARED_WORDS_TO_TRIGGER` distinct words with
 * `description`, or asks about the skills themselves (the word "skill" or "skills": every skill is then read).
 */
export function promptTriggers(prompt: string, name: string, description: string): boolean {
  if (/\bskills?\b/i.test(prompt)) return true;
  if (name !== '' && new RegExp(`(^|[^a-z0-9-])${escape(name.toLowerCase())}($|[^a-z0-9-])`).test(prompt.toLowerCase())) return true;
  const wanted = contentWords(description);
  let shared = 0;
  for (const word of contentWords(prompt)) if (wanted.has(word) && ++shared >= SHARED_WORDS_TO_TRIGGER) return true;
  return false;
}

/** Lower-case words of four letters or more, without a plural `s`, minus stop words. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[a-z0-9]{4,}/g)) {
    if (STOP_WORDS.has(word)) continue;
    words.add(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return words;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
