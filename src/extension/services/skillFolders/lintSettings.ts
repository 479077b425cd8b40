/** The settings section of the linter (`skillsmith.lint.*`, resource-scoped): a change to any of them lints again. */
export const LINT_SETTINGS = 'skillsmith.lint';
