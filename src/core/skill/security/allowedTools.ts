/** `security-allowed-tools-wildcard`: an `allowed-tools` that grants every tool or every shell command (Claude Code). */
import { finding, type Finding } from '../finding';
import { lastEntry, type ParsedSkillMd } from '../parse';

/** Grants of everything: all tools, or any command of a shell. */
const WILDCARD = /^(?:\*|Bash|Bash\(\s*\*?\s*(?::\s*\*)?\s*\)|PowerShell|PowerShell\(\s*\*?\s*\))$/;

/** The wildcard grants of the frontmatter's `allowed-tools` (a space-separated string or a list). */
export function checkAllowedToolsWildcard(parsed: ParsedSkillMd): Finding[] {
  const entry = lastEntry(parsed, 'allowed-tools');
  if (!entry) return [];
  const tools =
    typeof entry.value === 'string'
      ? entry.value.split(/[\s,]+/)
      : Array.isArray(entry.value)
        ? entry.value.filter((t): t is string => typeof t === 'string').map((t) => t.trim())
        : [];
  const granted = tools.filter((tool) => WILDCARD.test(tool));
  if (granted.length === 0) return [];
  const message = `\`allowed-tools\` grants ${granted.map((t) => `\`${t}\``).join(', ')}: every tool or any shell command runs without asking the user. Grant only what the skill uses, like \`Bash(git status:*) Read\`.`;
  return [finding('security-allowed-tools-wildcard', message, entry.valueRange)];
}
