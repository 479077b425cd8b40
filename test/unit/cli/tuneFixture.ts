import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { emulatorForSuite, TEST_KEY, type SuiteEmulator } from '../emulator/support';

/** A skill whose description misses half of what it should catch. */
const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'evals', 'csv-tidy');

/** What the tune suites share: a seeded emulator and a copy of the csv-tidy fixture; read its fields inside tests. */
export interface TuneFixture {
  readonly env: SuiteEmulator;
  /** The copy's folder. */
  readonly skill: string;
  /** The fixture's SKILL.md, as it was copied. */
  readonly originalSkillMd: string;
  /** `ANTHROPIC_API_KEY` and `ANTHROPIC_BASE_URL` for the emulator. */
  vars(): NodeJS.ProcessEnv;
  /** The ids of the emulator's custom skills, sorted. */
  skillIds(): string[];
  /** Puts the copy's SKILL.md back as the fixture has it; resolves with the custom skills' ids before the test. */
  reset(): Promise<string[]>;
}

/** Registers the suite's set-up: the emulator, and the fixture copied into a temporary folder named `prefix…`. */
export function tuneFixture(prefix: string): TuneFixture {
  const env = emulatorForSuite({ seed: true });
  const state = { root: '', skill: '', originalSkillMd: '' };
  before(async () => {
    state.root = await mkdtemp(join(tmpdir(), prefix));
    state.skill = join(state.root, 'csv-tidy');
    await cp(FIXTURE, state.skill, { recursive: true });
    state.originalSkillMd = await readFile(join(FIXTURE, 'SKILL.md'), 'utf8');
  });
  after(() => rm(state.root, { recursive: true, force: true }));
  const skillIds = (): string[] =>
    env.emulator.admin.store
      .list('custom')
      .map((item) => item.id)
      .sort();
  return {
    env,
    get skill() {
      return state.skill;
    },
    get originalSkillMd() {
      return state.originalSkillMd;
    },
    vars: () => ({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: env.emulator.url }),
    skillIds,
    async reset() {
      await writeFile(join(state.skill, 'SKILL.md'), state.originalSkillMd);
      return skillIds();
    },
  };
}
