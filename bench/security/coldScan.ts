/**
 * One fresh process of `bench:security`'s cold figure: reads every file listed in the JSON file `process.argv[2]`
 * (absolute path and folder-relative path of each), then scans each once, as a `skillsmith lint` process meets the
 * scan: before V8 has compiled it. Prints the CPU time of the scan alone (all threads, the compiler's included) in ms.
 */
import { readFileSync } from 'node:fs';
import { scanBytes } from '../../src/core/skill/security/scanFile';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { absolutePath: string; relativePath: string }[];
const texts = files.map((file) => readFileSync(file.absolutePath));
const start = process.cpuUsage();
files.forEach(({ relativePath }, index) => scanBytes(texts[index], { relativePath, isSkillMd: relativePath === 'SKILL.md' }));
const used = process.cpuUsage(start);
console.log(((used.user + used.system) / 1000).toFixed(1));
