import type { ApiForm } from './session';
import type { ChosenSkill } from './viewModel';
import type { HistoryMessage } from './wire';

/** The code execution tool of each API form. */
export const CODE_EXECUTION_TOOL: Record<ApiForm, string> = {
  ga: 'code_execution_20260521',
  beta: 'code_execution_20250825',
};

/** The `anthropic-beta` values of the beta form (the seeds' form). */
export const BETA_HEADERS = ['code-execution-2025-08-25', 'skills-2025-10-02'] as const;

/** The mark that ends a cached prompt prefix (the service's default five-minute cache). */
export const CACHE_BREAKPOINT = { type: 'ephemeral' } as const;

/** What a request is built from. */
export interface RequestInput {
  readonly form: ApiForm;
  readonly model: string;
  readonly maxTokens: number;
  readonly system?: string;
  readonly skills: readonly ChosenSkill[];
  /** The container to continue in, or null for a new one. */
  readonly containerId: string | null;
  readonly messages: readonly HistoryMessage[];
}

/** The body of a streamed Messages request, the same JSON in both forms (the beta form adds `betas`). */
export interface MessagesRequest {
  readonly model: string;
  readonly max_tokens: number;
  readonly system?: string;
  readonly messages: readonly HistoryMessage[];
  readonly container?: {
    readonly id?: string;
    readonly skills?: readonly { readonly type: 'anthropic' | 'custom'; readonly skill_id: string; readonly version: string }[];
  };
  readonly tools: readonly [{ readonly type: string; readonly name: 'code_execution'; readonly cache_control: typeof CACHE_BREAKPOINT }];
  readonly stream: true;
  readonly betas?: readonly string[];
}

/**
 * A Messages request with the skills in `container.skills` (a version, or `latest` when none was
 * chosen) and the code execution tool of the form; the container id when one is reused. Prompt cache
 * breakpoints: after the tool (what every request of a chat or an eval run shares) and on the last two user
 * messages (the multi-turn pattern: each turn writes the conversation so far, and the next one reads it).
 */
export function buildRequest(input: RequestInput): MessagesRequest {
  const skills = input.skills.map((skill) => ({ type: skill.type, skill_id: skill.skillId, version: skill.version || 'latest' }));
  const container = {
    ...(input.containerId ? { id: input.containerId } : {}),
    ...(skills.length > 0 ? { skills } : {}),
  };
  return {
    model: input.model,
    max_tokens: input.maxTokens,
    ...(input.system?.trim() ? { system: input.system } : {}),
    messages: withCacheBreakpoints(input.messages),
    ...(Object.keys(container).length > 0 ? { container } : {}),
    tools: [{ type: CODE_EXECUTION_TOOL[input.form], name: 'code_execution', cache_control: CACHE_BREAKPOINT }],
    stream: true,
    ...(input.form === 'beta' ? { betas: BETA_HEADERS } : {}),
  };
}

/**
 * The messages with `cache_control` on the last text block of the last two user messages (a copy; the history is
 * left as it is): the last one ends what this request writes, the one before ends what the previous turn wrote,
 * which the service finds there even when a long answer with many tool calls lies between the two (it looks back
 * only 20 blocks from a breakpoint).
 */
export function withCacheBreakpoints(messages: readonly HistoryMessage[]): readonly HistoryMessage[] {
  const marked = [...messages];
  let left = 2;
  for (let index = messages.length - 1; index >= 0 && left > 0; index--) {
    const message = messages[index];
    if (message?.role !== 'user') continue;
    left--;
    const blocks = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    const last = blocks.map((block) => block.type).lastIndexOf('text');
    if (last >= 0)
      marked[index] = {
        role: 'user',
        content: blocks.map((block, at) => (at === last ? { ...block, cache_control: CACHE_BREAKPOINT } : block)),
      };
  }
  return marked;
}
