import * as v from 'valibot';
import type { ApiErrorKind } from '../../core/api/types';
import type { ChatUpdate } from '../../core/chat/updates';
import type {
  AssistantBlock,
  AssistantTurn,
  ChatTurn,
  ChatViewModel,
  ContainerInfo,
  ToolResult,
  TurnError,
  Usage,
} from '../../core/chat/viewModel';

/*
 * Schemas of the conversation's view model (src/core/chat/viewModel.ts), for checking it where it crosses a
 * trust boundary: on arrival in the webview, and when a reloaded webview hands its saved state back to the host.
 * Each schema is annotated with the view model's type, so a field the core renames fails the typecheck here.
 * Objects are loose: a field the core adds later passes through instead of being dropped.
 */

const text = v.string();
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const producedFile = v.looseObject({ fileId: text, filename: v.optional(text) });

const turnError: v.GenericSchema<TurnError> = v.looseObject({
  message: text,
  requestId: v.optional(text),
  kind: v.optional(v.custom<ApiErrorKind>((value) => typeof value === 'string')),
});

const status = v.picklist(['streaming', 'done', 'stopped', 'error']);

const usage: v.GenericSchema<Usage> = v.looseObject({
  inputTokens: count,
  outputTokens: count,
  cacheReadTokens: count,
  cacheCreationTokens: count,
});

/** The code execution container of a turn. */
export const containerSchema: v.GenericSchema<ContainerInfo> = v.looseObject({
  id: text,
  expiresAt: v.nullable(text),
  skills: v.array(v.looseObject({ type: text, skillId: text, version: text })),
});

const toolResult: v.GenericSchema<ToolResult> = v.variant('kind', [
  v.looseObject({ kind: v.literal('bash'), stdout: text, stderr: text, returnCode: v.number(), files: v.array(producedFile) }),
  v.looseObject({ kind: v.literal('editor'), content: v.nullable(text), isFileUpdate: v.nullable(v.boolean()) }),
  v.looseObject({ kind: v.literal('error'), errorCode: text }),
]);

const assistantBlockSchema: v.GenericSchema<AssistantBlock> = v.variant('type', [
  v.looseObject({ type: v.literal('text'), text }),
  v.looseObject({
    type: v.literal('tool'),
    id: text,
    name: text,
    kind: v.picklist(['bash', 'view', 'create', 'str_replace', 'code', 'other']),
    inputJson: text,
    inputDone: v.boolean(),
    input: v.nullable(v.record(v.string(), v.unknown())),
    result: v.nullable(toolResult),
  }),
  v.looseObject({ type: v.literal('container_upload'), fileId: text }),
]);

const assistantTurn: v.GenericSchema<AssistantTurn> = v.looseObject({
  role: v.literal('assistant'),
  id: text,
  model: text,
  status,
  blocks: v.array(assistantBlockSchema),
  continuations: count,
  stopReason: v.nullable(text),
  usage,
  container: v.nullable(containerSchema),
  files: v.array(producedFile),
  error: v.nullable(turnError),
});

const chatTurnSchema: v.GenericSchema<ChatTurn> = v.union([v.looseObject({ role: v.literal('user'), id: text, text }), assistantTurn]);

/** The whole conversation. */
export const chatViewModelSchema: v.GenericSchema<ChatViewModel> = v.looseObject({
  turns: v.array(chatTurnSchema),
  container: v.nullable(containerSchema),
});

const index = count;

/** One change of the conversation (src/core/chat/updates.ts). */
export const chatUpdateSchema: v.GenericSchema<ChatUpdate> = v.variant('type', [
  v.looseObject({ type: v.literal('snapshot'), viewModel: chatViewModelSchema }),
  v.looseObject({ type: v.literal('turnAdded'), turn: chatTurnSchema }),
  v.looseObject({ type: v.literal('blockAdded'), turnId: text, block: assistantBlockSchema }),
  v.looseObject({ type: v.literal('textAppended'), turnId: text, blockIndex: index, text }),
  v.looseObject({ type: v.literal('toolInputAppended'), turnId: text, blockIndex: index, json: text }),
  v.looseObject({ type: v.literal('blockChanged'), turnId: text, blockIndex: index, block: assistantBlockSchema }),
  v.looseObject({
    type: v.literal('turnChanged'),
    turnId: text,
    changes: v.looseObject({
      status: v.optional(status),
      continuations: v.optional(count),
      stopReason: v.optional(v.nullable(text)),
      usage: v.optional(usage),
      container: v.optional(v.nullable(containerSchema)),
      files: v.optional(v.array(producedFile)),
      error: v.optional(v.nullable(turnError)),
    }),
  }),
  v.looseObject({ type: v.literal('containerChanged'), container: v.nullable(containerSchema) }),
]);
