/**
 * `npm run bench:security`: how precise the security scan is, per rule. It lints the labelled set
 * (test/fixtures/security: threats of each kind and benign look-alikes, each folder with the rules it must raise)
 * and prints, per rule, the threats it caught and missed and the folders it flagged without reason; then it lints the
 * 1,850-skill corpus of the lint benchmark (bench/lint/corpus.ts, ordinary skills) and prints how many folders each
 * rule flags there; and what the scan costs per MB of text, in CPU time, next to reading the same bytes: warm (this
 * process, after two scans of every file) and cold (a fresh process scanning each file once, as `skillsmith lint` does,
 * the median of COLD_RUNS; bench/security/coldScan.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { collectSkillFilesSync } from '../src/core/bundle/collectSkillFiles';
import { lintSkillFolder } from '../src/core/skill/folder';
import { isSecurityRule, RULES } from '../src/core/skill/rules';
import { scanBytes } from '../src/core/skill/security/scanFile';
import type { RuleId } from '../src/core/skill/types';
import { labelledCases, securityRulesOf } from '../test/unit/security/labelledSet';
import { writeCorpus } from './lint/corpus';

const SKILLS = 1850;
const COLD_RUNS = 5;
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
    const listed: { absolutePath: string; relativePath: string }[] = [];
    for (const dir of dirs) {
      const rules = new Set(
        lintSkillFolder(dir, { profile: 'claude-api' })
          .diagnostics.map((d) => d.rule)
          .filter(isSecurityRule),
      );
      for (const rule of rules) counts.get(rule)!.corpus++;
      for (const { absolutePath, relativePath } of collectSkillFilesSync(dir).files) {
        texts.push(readFileSync(absolutePath));
        listed.push({ absolutePath, relativePath });
      }
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
    const list = path.join(root, 'files.json');
    writeFileSync(list, JSON.stringify(listed));
    const coldRuns = Array.from({ length: COLD_RUNS }, () =>
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'security', 'coldScan.ts'), list], { encoding: 'utf8' }),
      ),
    );
    const cold = coldRuns.sort((a, b) => a - b)[Math.floor(COLD_RUNS / 2)];
    const perMb = (ms: number) => (ms / megabytes).toFixed(1);
    console.log(
      `scan cost: ${megabytes.toFixed(1)} MB in ${texts.length.toLocaleString('en-US')} files; warm ${scan.toFixed(0)} ms CPU (${perMb(scan)} ms per MB); cold, in a fresh process, ${cold.toFixed(0)} ms (${perMb(cold)} ms per MB; median of ${COLD_RUNS}: ${coldRuns.map((ms) => ms.toFixed(0)).join(', ')}); copying and decoding the same bytes once: ${perMb(copy)} ms per MB; load average ${loadavg()[0].toFixed(1)}`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
