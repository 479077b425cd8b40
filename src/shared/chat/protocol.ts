import * as v from 'valibot';
import type { ChatViewModel } from '../../core/chat/viewModel';
import type { ChatUpdate } from '../../core/chat/updates';
import { chatUpdateSchema, chatViewModelSchema } from './viewModelSchema';

/*
 * The one message protocol between the chat webview (src/webview/chat) and its host (src/extension/chat).
 * Both ends check every message on arrival with the schemas here and ignore what does not fit; nothing in a
 * message names a command to run.
 */

/** Longest prompt or system prompt the webview may send, in characters. */
export const MAX_PROMPT_CHARS = 200_000;
/** Upper bound of the max-tokens field. */
export const MAX_TOKENS_LIMIT = 1_000_000;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const prompt = v.pipe(v.string(), v.maxLength(MAX_PROMPT_CHARS));

/** A skill the user attached, as the panel shows it. */
export interface SkillChoice {
  readonly type: 'anthropic' | 'custom';
  readonly skillId: string;
  /** The skill's display title, or its id. */
  readonly title: string;
  /** The chosen version ref; `latest` when not pinned. */
  readonly version: string;
  /**
   * Versions to choose from, newest first: the ref, the label the menu shows ("v3 (Dec 6, 2026, 8:17:03 PM)") and the
   * short tag a turn's footer names it by ("v3"); empty when they could not be listed.
   */
  readonly versions: readonly { readonly ref: string; readonly label: string; readonly tag?: string }[];
}

const skillChoiceSchema: v.GenericSchema<SkillChoice> = v.looseObject({
  type: v.picklist(['anthropic', 'custom']),
  skillId: id,
  title: v.string(),
  version: id,
  versions: v.array(v.looseObject({ ref: id, label: v.string(), tag: v.optional(v.string()) })),
});

/** What the next request is made with, as chosen in the panel. */
export interface ChatSettings {
  readonly skills: readonly SkillChoice[];
  readonly model: string;
  readonly maxTokens: number;
  readonly systemPrompt: string;
}

/** The fields of the settings the webview edits directly (skills are added through the host's picker). */
export interface ChatOptions {
  readonly model: string;
  readonly maxTokens: number;
  readonly systemPrompt: string;
}

const chatOptionsEntries = {
  model: v.pipe(v.string(), v.maxLength(200)),
  maxTokens: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_TOKENS_LIMIT)),
  systemPrompt: prompt,
};

const chatSettingsSchema: v.GenericSchema<ChatSettings> = v.looseObject({ skills: v.array(skillChoiceSchema), ...chatOptionsEntries });

/** What the webview saves with `setState` and the serializer hands back after a reload. */
export interface PanelState {
  readonly conversation: ChatViewModel;
  readonly settings: ChatSettings;
  /** How the page was laid out (read back by the page itself after a reload; the host passes it through). */
  readonly view?: PageView;
}

/** What the page keeps of its own layout across reloads. */
export interface PageView {
  readonly systemPromptOpen: boolean;
}

const panelStateSchema: v.GenericSchema<PanelState> = v.looseObject({
  conversation: chatViewModelSchema,
  settings: chatSettingsSchema,
  view: v.optional(v.looseObject({ systemPromptOpen: v.boolean() })),
});

/** Checks a saved panel state (it comes back from the webview): the state, or undefined when it does not fit. */
export function parsePanelState(value: unknown): PanelState | undefined {
  const parsed = v.safeParse(panelStateSchema, value);
  return parsed.success ? parsed.output : undefined;
}

/** The keys of the texts the webview shows. */
export const LABEL_KEYS = [
  'send',
  'stop',
  'newConversation',
  'exportMarkdown',
  'addSkill',
  'removeSkill',
  'version',
  'latest',
  'model',
  'maxTokens',
  'systemPrompt',
  'promptPlaceholder',
  'skills',
  'you',
  'claude',
  'copy',
  'saveToWorkspace',
  'tokens',
  'tokenCounts',
  'tokenCountsUnfinished',
  'promptTooLong',
  'systemPromptTooLong',
  'cacheCounts',
  'container',
  'skillVersions',
  'continuations',
  'stopReason',
  'requestId',
  'setApiKey',
  'toolInput',
  'stdout',
  'stderr',
  'returnCode',
  'toolError',
  'running',
  'stopped',
  'emptyConversation',
  'file',
  'uploaded',
] as const;

/** The texts the webview shows, localised by the host (the webview has no `vscode.l10n`). */
export type Labels = { readonly [key in (typeof LABEL_KEYS)[number]]: string };

const labelsSchema = v.custom<Labels>(
  (value) =>
    typeof value === 'object' && value !== null && LABEL_KEYS.every((key) => typeof (value as Record<string, unknown>)[key] === 'string'),
);

/** Messages from the host to the webview. */
export type HostMessage =
  /** Everything, after the webview (re)loaded or the conversation was started over. */
  | {
      readonly type: 'init';
      readonly state: PanelState;
      readonly busy: boolean;
      readonly models: readonly string[];
      readonly labels: Labels;
    }
  /** The conversation's changes since the last message, in order (batched by the host). */
  | { readonly type: 'updates'; readonly updates: readonly ChatUpdate[] }
  | { readonly type: 'settings'; readonly settings: ChatSettings }
  | { readonly type: 'models'; readonly models: readonly string[] }
  | { readonly type: 'busy'; readonly busy: boolean };

const hostMessageSchema: v.GenericSchema<HostMessage> = v.variant('type', [
  v.looseObject({
    type: v.literal('init'),
    state: panelStateSchema,
    busy: v.boolean(),
    models: v.array(v.string()),
    labels: labelsSchema,
  }),
  v.looseObject({ type: v.literal('updates'), updates: v.array(chatUpdateSchema) }),
  v.looseObject({ type: v.literal('settings'), settings: chatSettingsSchema }),
  v.looseObject({ type: v.literal('models'), models: v.array(v.string()) }),
  v.looseObject({ type: v.literal('busy'), busy: v.boolean() }),
]);

/** Messages from the webview to the host. Strict: an unknown field makes the message invalid. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'send'; readonly text: string }
  | { readonly type: 'stop' }
  | { readonly type: 'newConversation' }
  | { readonly type: 'addSkills' }
  | { readonly type: 'removeSkill'; readonly skillId: string }
  | { readonly type: 'setSkillVersion'; readonly skillId: string; readonly version: string }
  | { readonly type: 'setOptions'; readonly options: ChatOptions }
  | { readonly type: 'saveFile'; readonly fileId: string }
  | { readonly type: 'copyTurn'; readonly turnId: string }
  | { readonly type: 'exportMarkdown' }
  /** After an authentication error: the host runs its own Set API Key command (a fixed id, never one from the page). */
  | { readonly type: 'setApiKey' }
  | { readonly type: 'openLink'; readonly url: string };

const webviewMessageSchema: v.GenericSchema<WebviewMessage> = v.variant('type', [
  v.strictObject({ type: v.literal('ready') }),
  v.strictObject({ type: v.literal('send'), text: v.pipe(prompt, v.minLength(1)) }),
  v.strictObject({ type: v.literal('stop') }),
  v.strictObject({ type: v.literal('newConversation') }),
  v.strictObject({ type: v.literal('addSkills') }),
  v.strictObject({ type: v.literal('removeSkill'), skillId: id }),
  v.strictObject({ type: v.literal('setSkillVersion'), skillId: id, version: id }),
  v.strictObject({ type: v.literal('setOptions'), options: v.strictObject(chatOptionsEntries) }),
  v.strictObject({ type: v.literal('saveFile'), fileId: id }),
  v.strictObject({ type: v.literal('copyTurn'), turnId: id }),
  v.strictObject({ type: v.literal('exportMarkdown') }),
  v.strictObject({ type: v.literal('setApiKey') }),
  v.strictObject({ type: v.literal('openLink'), url: v.pipe(v.string(), v.maxLength(8_000)) }),
]);

/** Checks a message that arrived in the host from the webview; undefined when it does not fit the protocol. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  const parsed = v.safeParse(webviewMessageSchema, value);
  return parsed.success ? parsed.output : undefined;
}

/**
 * The length of a `send` message's text when that alone keeps it from fitting the protocol (a page that skipped its
 * own check of `MAX_PROMPT_CHARS`); undefined for any other message.
 */
export function oversizedPrompt(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, text } = value as Record<string, unknown>;
  return type === 'send' && typeof text === 'string' && text.length > MAX_PROMPT_CHARS ? text.length : undefined;
}

/** Checks a message that arrived in the webview from the host; undefined when it does not fit the protocol. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  const parsed = v.safeParse(hostMessageSchema, value);
  return parsed.success ? parsed.output : undefined;
}
