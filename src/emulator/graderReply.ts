/**
 * The scripted model's answer to a grader request (a forced tool whose input has `verdicts`): one verdict per
 * expectation found after `Expectations (JSON):` in the prompt, judged against the JSON string after
 * `Transcript (JSON string):`. An expectation passes when every phrase it quotes ('…', "…", “…”) is in the
 * transcript, or, quoting none, when two thirds of its words are (`contentWords` of skillTrigger.ts).
 */
import { jsonAfter, proposedDescriptions } from './descriptionProposals';
import type { Json } from './shapes';
import { contentWords } from './skillTrigger';

/**
 * The forced tool's input for this prompt: `{verdicts}` when its schema asks for them, `{descriptions}` for a
 * description tuning request (`descriptionProposals.ts`), else an empty object.
 */
export function forcedToolInput(prompt: string, inputSchema: Json): Json {
  const properties = inputSchema['properties'];
  if (typeof properties === 'object' && properties !== null && 'descriptions' in properties) return proposedDescriptions(prompt);
  if (typeof properties !== 'object' || properties === null || !('verdicts' in properties)) return {};
  const expectations = jsonAfter(prompt, 'Expectations (JSON):');
  const transcript = jsonAfter(prompt, 'Transcript (JSON string):');
  const list = Array.isArray(expectations) ? expectations.filter((item): item is string => typeof item === 'string') : [];
  const haystack = typeof transcript === 'string' ? transcript.toLowerCase() : '';
  return { verdicts: list.map((text) => verdict(text, haystack)) };
}

function verdict(text: string, transcript: string): Json {
  const quoted = [...text.matchAll(/'([^']+)'|"([^"]+)"|“([^”]+)”/g)].map((match) =>
    (match[1] ?? match[2] ?? match[3] ?? '').toLowerCase(),
  );
  if (quoted.length > 0) {
    const missing = quoted.filter((phrase) => !transcript.includes(phrase));
    return missing.length === 0
      ? { text, passed: true, evidence: `The transcript contains ${quoted.map((phrase) => `"${phrase}"`).join(', ')}.` }
      : { text, passed: false, evidence: `The transcript does not contain ${missing.map((phrase) => `"${phrase}"`).join(', ')}.` };
  }
  const words = [...contentWords(text)];
  const found = words.filter((word) => transcript.includes(word));
  const passed = words.length > 0 && found.length * 3 >= words.length * 2;
  return {
    text,
    passed,
    evidence: `${found.length} of ${words.length} of its words are in the transcript${found.length > 0 ? `: ${found.join(', ')}` : ''}.`,
  };
}
