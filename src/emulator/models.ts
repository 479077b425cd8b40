import { badRequest, notFound } from './apiError';
import type { Json } from './shapes';

/** A model the emulator lists, answers as, or refuses (retired). */
export interface EmulatedModel {
  readonly id: string;
  readonly displayName: string;
  readonly createdAt: string;
  readonly lifecycle: 'active' | 'deprecated' | 'retired';
  readonly line: 'haiku' | 'sonnet' | 'opus';
  readonly maxTokens: number;
  readonly retiresAt: string | null;
  readonly deprecatedAt: string | null;
}

/** The catalogue, newest first as the service lists it. The seeds' model is retired (2026-11-30). */
export const MODELS: readonly EmulatedModel[] = [
  model('claude-opus-5-5', 'Claude Opus 5.5', '2026-09-24T00:00:00Z', 'opus', 128_000),
  model('claude-sonnet-5-5', 'Claude Sonnet 5.5', '2026-09-24T00:00:00Z', 'sonnet', 128_000),
  model('claude-haiku-5-5', 'Claude Haiku 5.5', '2026-09-24T00:00:00Z', 'haiku', 64_000),
  model(
    'claude-opus-4-6',
    'Claude Opus 4.6',
    '2026-02-05T00:00:00Z',
    'opus',
    128_000,
    'deprecated',
    '2026-09-24T00:00:00Z',
    '2027-02-05T00:00:00Z',
  ),
  model(
    'claude-sonnet-4-5-20250929',
    'Claude Sonnet 4.5',
    '2025-09-29T00:00:00Z',
    'sonnet',
    64_000,
    'retired',
    '2026-05-29T00:00:00Z',
    '2026-11-30T00:00:00Z',
  ),
];

const MODEL_PAGES = { defaultLimit: 20, maxLimit: 1000 };

/** The model with this id, whatever its lifecycle. */
export function findModel(id: string): EmulatedModel | undefined {
  return MODELS.find((candidate) => candidate.id === id);
}

/**
 * `GET /v1/models`: `limit` (1–1000, default 20), `after_id` / `before_id`, `lifecycle[]` (default active
 * and deprecated). Answers `{data, has_more, first_id, last_id}`, the SDK's `Page`.
 */
export function listModelsJson(query: URLSearchParams): Json {
  const stages = [...query.getAll('lifecycle[]'), ...query.getAll('lifecycle')].flatMap((value) => value.split(','));
  const wanted = new Set(stages.length > 0 ? stages : ['active', 'deprecated']);
  const listed = MODELS.filter((candidate) => wanted.has(candidate.lifecycle));
  const limit = readLimit(query.get('limit'));
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let start = 0;
  let end = listed.length;
  if (afterId) start = indexOf(listed, afterId) + 1;
  if (beforeId) end = indexOf(listed, beforeId);
  const window = beforeId ? listed.slice(Math.max(start, end - limit), end) : listed.slice(start, Math.min(end, start + limit));
  const hasMore = beforeId ? end - limit > start : start + limit < end;
  return {
    data: window.map(modelJson),
    has_more: hasMore,
    first_id: window[0]?.id ?? null,
    last_id: window.at(-1)?.id ?? null,
  };
}

/** `GET /v1/models/{id}`: any known model, retired ones too; 404 otherwise. */
export function modelJsonById(id: string): Json {
  const found = findModel(id);
  if (!found) throw notFound(`model: ${id}`);
  return modelJson(found);
}

function modelJson(entry: EmulatedModel): Json {
  return {
    type: 'model',
    id: entry.id,
    display_name: entry.displayName,
    created_at: entry.createdAt,
    lifecycle: entry.lifecycle,
    line: entry.line,
    capabilities: null,
    deprecated_at: entry.deprecatedAt,
    retires_at: entry.retiresAt,
    max_input_tokens: 1_000_000,
    max_tokens: entry.maxTokens,
  };
}

function readLimit(raw: string | null): number {
  if (raw === null) return MODEL_PAGES.defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MODEL_PAGES.maxLimit) {
    throw badRequest(`limit: must be an integer from 1 to ${MODEL_PAGES.maxLimit}.`);
  }
  return limit;
}

function indexOf(models: readonly EmulatedModel[], id: string): number {
  const index = models.findIndex((candidate) => candidate.id === id);
  if (index < 0) throw badRequest(`"${id}" is not a model id in this list.`);
  return index;
}

function model(
  id: string,
  displayName: string,
  createdAt: string,
  line: EmulatedModel['line'],
  maxTokens: number,
  lifecycle: EmulatedModel['lifecycle'] = 'active',
  deprecatedAt: string | null = null,
  retiresAt: string | null = null,
): EmulatedModel {
  return { id, displayName, createdAt, lifecycle, line, maxTokens, deprecatedAt, retiresAt };
}
