/** The chat core as the API module (dist/api.js) exports it: the session factory and its types. */
export type * from './session';
export type * from './viewModel';
export type { ChatUpdate, AssistantTurnChanges } from './updates';
export { applyChatUpdate } from './updates';
export { createChatSession, DEFAULT_MAX_CONTINUATIONS } from './createChatSession';
export { defaultModel, DEFAULT_MAX_TOKENS, FALLBACK_MODEL } from './defaultModel';
