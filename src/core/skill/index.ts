/** The public surface of the SKILL.md core: parsing, linting, fixes, budgets, keys and folder checks. */
export * from './types';
export { RULES, RULE_DOCS_FILE, severityOf, type RuleInfo } from './rules';
export { FRONTMATTER_KEYS, keysForProfile, keyInfo, type KeyInfo } from './frontmatterKeys';
export { parseSkillMd, lastEntry, type ParsedSkillMd, type FrontmatterEntry, type SyntaxProblem } from './parse';
export { lintSkillMd, lintParsedSkillMd, type LintOptions } from './lint';
export { measureBudgets, type Budgets } from './budgets';
export { applyEdits } from './applyEdits';
export { fixAll } from './fixAll';
export { isValidName, slugify } from './nameRules';
export { lintSkillFolder, findSkillFolders, type LintFolderOptions, type SkillFolderResult, type SkillFolderVisitor } from './folder';
