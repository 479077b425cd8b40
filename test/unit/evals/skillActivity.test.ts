import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { skillUses, triggered } from '../../../src/core/evals/skillActivity';
import { bash, turnWith, view } from './turns';

describe('trigger detection from tool calls', () => {
  it('a SKILL.md read by the text editor view triggers', () => {
    const turn = turnWith([view('/skills/pdf-tools/SKILL.md')]);
    assert.equal(triggered(turn, 'pdf-tools'), true);
    assert.deepEqual(skillUses(turn).get('pdf-tools'), { readSkillMd: true, scriptsRun: [] });
  });

  it('a SKILL.md read by bash triggers, whatever the reader: cat, head, sed, less, in a pipeline', () => {
    for (const command of [
      'cat /skills/pdf-tools/SKILL.md',
      'head -n 50 /skills/pdf-tools/SKILL.md',
      "sed -n '1,80p' /skills/pdf-tools/SKILL.md",
      'ls /skills && less "/skills/pdf-tools/SKILL.md"',
      'cat /skills//pdf-tools/SKILL.md | wc -l',
    ]) {
      assert.equal(triggered(turnWith([bash(command)]), 'pdf-tools'), true, command);
    }
  });

  it('running a script under the skill triggers and is recorded, by interpreter or by path', () => {
    const turn = turnWith([
      bash('cd /tmp && python3 /skills/pdf-tools/scripts/fill.py in.pdf'),
      bash('/skills/pdf-tools/scripts/check.sh --all'),
      bash('FOO=1 bash /skills/pdf-tools/scripts/fill.py'),
    ]);
    assert.deepEqual(skillUses(turn).get('pdf-tools'), { readSkillMd: false, scriptsRun: ['scripts/fill.py', 'scripts/check.sh'] });
  });

  it('paths relative to a cd into the skill count: cd /skills/x && cat SKILL.md, && python scripts/run.py', () => {
    const turn = turnWith([
      bash('cd /skills/pdf-tools && cat SKILL.md'),
      bash('cd /skills/pdf-tools/ && python3 scripts/fill.py form.pdf && ./scripts/check.sh'),
    ]);
    assert.deepEqual(skillUses(turn).get('pdf-tools'), { readSkillMd: true, scriptsRun: ['scripts/fill.py', 'scripts/check.sh'] });
    assert.equal(triggered(turnWith([bash('cd /tmp && cat SKILL.md')]), 'pdf-tools'), false, 'a cd elsewhere resolves nothing');
  });

  it('listing the skills, reading another skill, or the answer naming the skill does not trigger', () => {
    const turn = turnWith(
      [
        bash('ls /skills/'),
        bash('find /skills/pdf-tools/ -type f | sort'),
        view('/skills/other/SKILL.md'),
        bash('cat /skills/pdf-tools/README.md'),
        bash('echo /skills/pdf-tools/SKILL.md'),
      ],
      'I used the pdf-tools skill and read /skills/pdf-tools/SKILL.md.',
    );
    assert.equal(triggered(turn, 'pdf-tools'), false);
    assert.equal(triggered(turn, 'other'), true);
  });

  it('a turn without tool calls triggers nothing', () => {
    assert.equal(skillUses(turnWith([], 'No tools used.')).size, 0);
  });

  it('Python run by the code execution tool that opens SKILL.md triggers', () => {
    const turn = turnWith([{ tool: 'code_execution', input: { code: "print(open('/skills/pdf-tools/SKILL.md').read())" } }]);
    assert.equal(triggered(turn, 'pdf-tools'), true);
  });
});
