// The configuration lives with its own dependencies in tools/eslint/ (see its package.json for why).
export { default } from './tools/eslint/eslint.config.mts';
