/**
 * `npm run bench:security`: how precise the security scan is, per rule. It lints the labelled set
 * (test/fixtures/security: threats of each kind and benign look-alikes, each folder with the rules it must raise)
 * and prints, per rule, the threats it caught and missed and the folders it flagged without reason; then it lints the
 * 1,850-skill corpus of the lint benchmark (bench/lint/corpus.ts, ordinary skills) and prints how many folders each
 * rule flags there; and what the scan costs per MB of text, in CPU time, next to reading the same bytes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { collectSkillFilesSync } from '../src/core/bundle/collectSkillFiles';
import { lintSkillFolder } from '../src/core/skill/folder';
import { isSecurityRule, RULES } from '../src/core/skill/rules';
import { scanBytes } from '../src/core/skill/security/scanFile';
import type { RuleId } from '../src/core/skill/types';
import { labelledCases, securityRulesOf } from '../test/unit/security/labelledSet';
import { writeCorpus } from './lint/corpus';

const SKILLS = 1850;
const SECURITY_RULES = (Object.keys(RULES) as RuleId[]).filter(isSecurityRule);

function cpuMs(task: () => void): number {
  const start = process.cpuUsage();
  task();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const counts = new Map(SECURITY_RULES.map((rule) => [rule, { caught: 0, missed: 0, falseAlarms: 0, corpus: 0 }]));
  const cases = labelledCases();
  for (const { dir, profile, expect } of cases) {
    const found = new Set(securityRulesOf(dir, profile));
    for (const rule of expect) counts.get(rule)![found.has(rule) ? 'caught' : 'missed']++;
    for (const rule of found) if (!expect.includes(rule)) counts.get(rule)!.falseAlarms++;
  }
  const root = await mkdtemp(path.join(tmpdir(), 'skillsmith-security-bench-'));
  try {
    const dirs = writeCorpus(root, SKILLS);
    const texts: Buffer[] = [];
    for (const dir of dirs) {
      const rules = new Set(
        lintSkillFolder(dir, { profile: 'claude-api' })
          .diagnostics.map((d) => d.rule)
          .filter(isSecurityRule),
      );
      for (const rule of rules) counts.get(rule)!.corpus++;
      for (const file of collectSkillFilesSync(dir).files) texts.push(readFileSync(file.absolutePath));
    }
    const threats = cases.filter((c) => c.expect.length > 0).length;
    console.log(
      `labelled set: ${cases.length} folders (${threats} threats, ${cases.length - threats} benign look-alikes); corpus: ${SKILLS.toLocaleString('en-US')} ordinary skill folders`,
    );
    console.log('| rule | threats caught | missed | false alarms (labelled) | corpus folders flagged |');
    console.log('|---|---|---|---|---|');
    for (const [rule, c] of counts)
      console.log(`| \`${rule}\` | ${c.caught} | ${c.missed} | ${c.falseAlarms} | ${c.corpus} of ${SKILLS.toLocaleString('en-US')} |`);
    const bytes = texts.reduce((sum, t) => sum + t.length, 0);
    const megabytes = bytes / 1024 / 1024;
    for (let warm = 0; warm < 2; warm++) for (const t of texts) scanBytes(t, { relativePath: 'x.md', isSkillMd: false });
    const scan = cpuMs(() => {
      for (const t of texts) scanBytes(t, { relativePath: 'scripts/x.py', isSkillMd: false });
    });
    const copy = cpuMs(() => {
      for (const t of texts) Buffer.from(t).toString('latin1');
    });
    console.log(
      `scan cost: ${scan.toFixed(0)} ms CPU for ${megabytes.toFixed(1)} MB in ${texts.length.toLocaleString('en-US')} files (${(scan / megabytes).toFixed(1)} ms per MB, warm); copying and decoding the same bytes once: ${(copy / megabytes).toFixed(1)} ms per MB`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
