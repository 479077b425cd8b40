/** `skillsmith lint --format sarif`: the report as SARIF 2.1.0, for code-scanning tools. */
import { RULE_DOCS_FILE, RULES } from '../core/skill/rules';
import type { RuleId, Severity } from '../core/skill/types';
import type { LintReport } from './lintReport';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The report as a SARIF 2.1.0 log object. */
export function toSarif(report: LintReport, version: string): object {
  const ruleIds = Object.keys(RULES) as RuleId[];
  const results = report.skills.flatMap((skill) =>
    skill.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ruleIds.indexOf(d.rule),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(skill.file ?? skill.dir) },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'skillsmith',
            version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: RULES[id].summary },
              help: { text: `${RULES[id].summary} See ${RULE_DOCS_FILE}#${id}.`, markdown: `${RULES[id].summary} See [${id}](${RULE_DOCS_FILE}#${id}).` },
              defaultConfiguration: { level: levelOf(RULES[id].severity[report.profile]) },
            })),
          },
        },
        results,
      },
    ],
  };
}

function levelOf(severity: Severity | 'off'): 'error' | 'warning' | 'note' | 'none' {
  return severity === 'off' ? 'none' : LEVELS[severity];
}
