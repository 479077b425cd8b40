/** The report of `skillsmith tune`: a table per round and the winner, as text or JSON. */
import type { Measurement, TriggerScore } from '../core/evals/tune/measureDescription';
import type { TuneResult } from '../core/evals/tune/tuneDescription';
import { countOf, formatCount } from '../core/text/count';
import { oneLine } from './terminalText';

/** The table of each round, the winner and the requests, for a person. */
export function tuneText(result: TuneResult, resultsFile: string | null, applied: boolean): string {
  const lines = [`Split: ${formatCount(result.split.train.length)} train and ${countOf(result.split.holdout.length, 'holdout case')}.`, ''];
  const header = `  ${'source'.padEnd(8)} ${'train P/R'.padEnd(11)} ${'holdout P/R'.padEnd(11)} ${'tokens'.padStart(9)}  description`;
  lines.push('Current', header, row(result.current), '');
  for (const round of result.rounds) {
    lines.push(`Round ${round.round}`);
    if (round.proposalProblem !== null)
      lines.push(`  The model proposed nothing usable (${round.proposalProblem}); going on with your candidates.`);
    if (round.measurements.length > 0) lines.push(header, ...round.measurements.map(row));
    for (const dropped of round.dropped) lines.push(`  dropped  ${oneLine(dropped.description, 60)}: ${oneLine(dropped.reason, 160)}`);
    lines.push('');
  }
  if (result.noCandidates)
    lines.push('No candidate could be measured: give one with --candidate, or let the model propose (--rounds 1 or more).');
  else if (result.winner === result.current) lines.push('The current description stays: no candidate did better on holdout.');
  else lines.push(`Winner on holdout: ${oneLine(result.winner.description, 1_100)}`);
  if (applied) lines.push("Applied: SKILL.md's description is now the winner.");
  lines.push(
    `Requests: ${formatCount(result.requestsSent)} sent; measuring every description on every case would have sent ${formatCount(result.naiveRequests)}.`,
  );
  if (result.capReached) lines.push('Stopped at the request cap (--max-requests).');
  for (const left of result.leftBehind)
    lines.push(`Could not delete the temporary skill ${left.skillId} (${oneLine(left.reason, 200)}): delete it by hand.`);
  if (resultsFile) lines.push(`Results: ${resultsFile}`);
  return `${lines.join('\n')}\n`;
}

function row(item: Measurement): string {
  const holdout = item.holdout ? pair(item.holdout) : 'stopped';
  const text = oneLine(item.description, 70);
  const stopped = item.stopped !== null ? ` (${item.stopped})` : '';
  return `  ${item.source.padEnd(8)} ${pair(item.train).padEnd(11)} ${holdout.padEnd(11)} ${formatCount(item.tokens).padStart(9)}  ${text}${stopped}`;
}

/** "100/50": precision and recall in percent, "-" where there is none. */
function pair(score: TriggerScore): string {
  const percent = (value: number): string => (Number.isFinite(value) ? `${Math.round(value * 100)}` : '-');
  return `${percent(score.precision)}/${percent(score.recall)}%`;
}
