/**
 * The scripted model's answer to a description tuning request (a forced tool whose input has `descriptions`):
 * three deterministic proposals from the JSON after `Current description (JSON string):` and `Queries the current
 * description got wrong (JSON):`. One adds the words of the missed should-trigger queries (better recall), one keeps
 * only the first sentence (usually worse), one wraps the description in an XML tag (lint drops it).
 */
import type { Json } from './shapes';
import { contentWords } from './skillTrigger';

/** The forced tool's input: `{descriptions}` made from the prompt. */
export function proposedDescriptions(prompt: string): Json {
  const current = jsonAfter(prompt, 'Current description (JSON string):');
  const missed = jsonAfter(prompt, 'Queries the current description got wrong (JSON):');
  const description = typeof current === 'string' ? current : '';
  const words = new Set<string>();
  for (const item of Array.isArray(missed) ? missed : []) {
    if (
      typeof item === 'object' &&
      item !== null &&
      (item as Json)['should_trigger'] === true &&
      typeof (item as Json)['query'] === 'string'
    ) {
      for (const word of contentWords(String((item as Json)['query']))) words.add(word);
    }
  }
  const first = description.split(/(?<=[.!?])\s+/)[0] ?? description;
  const wider =
    words.size > 0
      ? `${description} Use it also for requests about ${[...words].join(', ')}.`
      : `${description} Use it whenever a file needs this.`;
  return {
    descriptions: [wider, first === description ? `${description.split(/\s+/).slice(0, 3).join(' ')}.` : first, `<b>${description}</b>`],
  };
}

/** The JSON value on the line after `marker`, or undefined. */
export function jsonAfter(prompt: string, marker: string): unknown {
  const at = prompt.indexOf(`${marker}\n`);
  if (at < 0) return undefined;
  const line = prompt.slice(at + marker.length + 1).split('\n', 1)[0] ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
