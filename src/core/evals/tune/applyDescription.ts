/** Writing a tuned description into SKILL.md: the frontmatter's description and nothing else. */
import { promises as fs } from 'node:fs';
import { readRegularFile } from '../loadEvals';
import { withDescription } from './candidateDescription';

/**
 * Puts `description` in the frontmatter of `file`. Refuses (rejects, writing nothing) when the file is no longer
 * the `expected` text the tuning read: an edit made meanwhile is never overwritten.
 */
export async function applyDescription(file: string, expected: string, description: string): Promise<void> {
  const text = await readRegularFile(file);
  if (text.replace(/^\uFEFF/, '') !== expected.replace(/^\uFEFF/, ''))
    throw new Error('SKILL.md changed while the tuning ran; nothing was written. Copy the winning description by hand, or tune again.');
  await fs.writeFile(file, withDescription(text, description));
}
