/** Every frontmatter key a SKILL.md may carry, with what it means and where it is valid. */
import type { Profile } from './types';

/** One frontmatter key, as editors show it in completions and hovers. */
export interface KeyInfo {
  readonly key: string;
  /** Markdown for a hover: what it is, its limits, an example. */
  readonly summary: string;
  /** The profiles in which the key is valid. */
  readonly profiles: readonly Profile[];
  /** The finite set of values, for completion. */
  readonly values?: readonly string[];
  /** The maximum number of characters, when one applies. */
  readonly limit?: number;
}

const EVERY_PROFILE: readonly Profile[] = ['claude-api', 'spec', 'claude-code'];
const CLAUDE_CODE: readonly Profile[] = ['claude-code'];
const BOOLEAN: readonly string[] = ['true', 'false'];

/** The API's six keys, then Claude Code's own keys, in the order of its documentation. */
export const FRONTMATTER_KEYS: readonly KeyInfo[] = [
  {
    key: 'name',
    summary:
      "The skill's identifier: lowercase letters, digits and single inner hyphens, at most 64 characters, matching the folder name. It may not contain `anthropic` or `claude` (Claude API).\n\nExample: `name: pdf-tools`",
    profiles: EVERY_PROFILE,
    limit: 64,
  },
  {
    key: 'description',
    summary:
      'What the skill does and when Claude should use it, at most 1,024 characters, no XML tags (Claude API). Claude reads it to decide whether to load the skill.\n\nExample: `description: Extracts tables from PDF files. Use when the user mentions PDFs.`',
    profiles: EVERY_PROFILE,
    limit: 1024,
  },
  {
    key: 'license',
    summary: 'The license the skill is shared under: a name or the file that holds it.\n\nExample: `license: Apache-2.0`',
    profiles: EVERY_PROFILE,
  },
  {
    key: 'compatibility',
    summary:
      'What the skill needs from its environment (products, system packages, network access), at most 500 characters.\n\nExample: `compatibility: Requires python3 and network access`',
    profiles: EVERY_PROFILE,
    limit: 500,
  },
  {
    key: 'metadata',
    summary:
      'A mapping of extra string keys to string values, for anything else.\n\nExample:\n```yaml\nmetadata:\n  author: my-team\n  version: "1.0"\n```',
    profiles: EVERY_PROFILE,
  },
  {
    key: 'allowed-tools',
    summary:
      'Tools the skill may use without asking, as one space-separated string (Claude Code also accepts a YAML list). Experimental.\n\nExample: `allowed-tools: Bash(git:*) Read`',
    profiles: EVERY_PROFILE,
  },
  {
    key: 'when_to_use',
    summary:
      'Claude Code: more guidance on when to use the skill, appended to `description` in the skill listing (the two are truncated together at 1,536 characters).\n\nExample: `when_to_use: When the user asks to fill a PDF form.`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'argument-hint',
    summary: "Claude Code: the hint shown after `/name` for the skill's arguments.\n\nExample: `argument-hint: [file] [format]`",
    profiles: CLAUDE_CODE,
  },
  {
    key: 'arguments',
    summary: 'Claude Code: the named arguments the skill accepts, substituted into its body.\n\nExample: `arguments: file format`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'disable-model-invocation',
    summary:
      'Claude Code: `true` keeps Claude from loading the skill on its own; only `/name` runs it.\n\nExample: `disable-model-invocation: true`',
    profiles: CLAUDE_CODE,
    values: BOOLEAN,
  },
  {
    key: 'user-invocable',
    summary: 'Claude Code: `false` hides the skill from the `/` menu; Claude may still load it.\n\nExample: `user-invocable: false`',
    profiles: CLAUDE_CODE,
    values: BOOLEAN,
  },
  {
    key: 'disallowed-tools',
    summary: 'Claude Code: tools the skill may not use.\n\nExample: `disallowed-tools: WebFetch`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'model',
    summary: 'Claude Code: the model to use while the skill runs.\n\nExample: `model: sonnet`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'effort',
    summary: 'Claude Code: the reasoning effort to use while the skill runs.\n\nExample: `effort: high`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'context',
    summary: 'Claude Code: `fork` runs the skill in a forked sub-agent context.\n\nExample: `context: fork`',
    profiles: CLAUDE_CODE,
    values: ['fork'],
  },
  {
    key: 'agent',
    summary: 'Claude Code: the sub-agent type that runs the skill when `context: fork`.\n\nExample: `agent: Explore`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'background',
    summary: 'Claude Code: `true` runs the forked skill in the background.\n\nExample: `background: true`',
    profiles: CLAUDE_CODE,
    values: BOOLEAN,
  },
  {
    key: 'hooks',
    summary: "Claude Code: hooks scoped to the skill's lifetime, in the same shape as settings hooks.",
    profiles: CLAUDE_CODE,
  },
  {
    key: 'paths',
    summary: 'Claude Code: glob patterns; the skill is offered only when working with matching files.\n\nExample: `paths: "src/**/*.ts"`',
    profiles: CLAUDE_CODE,
  },
  {
    key: 'shell',
    summary: "Claude Code: the shell for the skill's inline commands.\n\nExample: `shell: bash`",
    profiles: CLAUDE_CODE,
    values: ['bash', 'powershell'],
  },
];

/** The keys valid under `profile`: the API's six everywhere, Claude Code's own only under `claude-code`. */
export function keysForProfile(profile: Profile): readonly KeyInfo[] {
  return FRONTMATTER_KEYS.filter((info) => info.profiles.includes(profile));
}

/** The key's information, or undefined for a key no profile knows. */
export function keyInfo(key: string): KeyInfo | undefined {
  return FRONTMATTER_KEYS.find((info) => info.key === key);
}
