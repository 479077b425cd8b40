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
  readonly tools: readonly [{ readonly type: string; readonly name: 'code_execution' }];
  readonly stream: true;
  readonly betas?: readonly string[];
}

/**
 * A Messages request with the skills in `container.skills` (a version, or `latest` when none was
 * chosen) and the code execution tool of the form; the container id when one is reused.
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
    messages: input.messages,
    ...(Object.keys(container).length > 0 ? { container } : {}),
    tools: [{ type: CODE_EXECUTION_TOOL[input.form], name: 'code_execution' }],
    stream: true,
    ...(input.form === 'beta' ? { betas: BETA_HEADERS } : {}),
  };
}
