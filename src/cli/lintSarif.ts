/** `skillsmith lint --format sarif`: the report as SARIF 2.1.0, for code-scanning tools, printed one result at a time. */
import { RULE_DOCS_FILE, RULES } from '../core/skill/rules';
import type { Profile, RuleId, Severity } from '../core/skill/types';
import type { ReportWriter } from './lintReport';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The SARIF writer: a log with one run whose tool lists every rule, then each finding as one result on its own line. */
export function sarifWriter(profile: Profile, version: string, write: (chunk: string) => void): ReportWriter {
  const driver = {
    name: 'skillsmith',
    version,
    rules: RULE_IDS.map((id) => ({
      id,
      shortDescription: { text: RULES[id].summary },
      help: {
        text: `${RULES[id].summary} See ${RULE_DOCS_FILE}#${id}.`,
        markdown: `${RULES[id].summary} See [${id}](${RULE_DOCS_FILE}#${id}).`,
      },
      defaultConfiguration: { level: levelOf(RULES[id].severity[profile]) },
      ...propertiesOf(id),
    })),
  };
  write(
    `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"results":[`,
  );
  let first = true;
  return {
    skill(skill) {
      const skillUri = encodeURI(skill.file ?? skill.dir);
      for (const d of skill.diagnostics) {
        const uri = d.file === undefined ? skillUri : encodeURI(d.file);
        const result = {
          ruleId: d.rule,
          ruleIndex: RULE_IDS.indexOf(d.rule),
          level: LEVELS[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        };
        write((first ? '\n' : ',\n') + JSON.stringify(result));
        first = false;
      }
    },
    end() {
      write('\n]}]}\n');
    },
  };
}

/** A security rule's tags for code scanning (`security`, its OWASP Agentic Skills id, its CWE) and its `security-severity`. */
function propertiesOf(id: RuleId): { properties?: { tags: string[]; 'security-severity': string } } {
  const security = RULES[id].security;
  if (!security) return {};
  const tags = ['security', ...(security.owasp ? [`OWASP-${security.owasp}`] : []), `external/cwe/cwe-${security.cwe}`];
  return { properties: { tags, 'security-severity': security.score } };
}

function levelOf(severity: Severity | 'off'): 'error' | 'warning' | 'note' | 'none' {
  return severity === 'off' ? 'none' : LEVELS[severity];
}
