import type Anthropic from '@anthropic-ai/sdk';
import { readBoundedBody } from '../api/boundedBody';
import { CLAUDE_API, SkillsApiError, toSkillsApiError } from '../api/errors';
import type { ApiForm, CallOptions, DownloadedFile, ModelInfo } from './session';

/** The beta header the Files API took before it went GA. */
const FILES_BETA = 'files-api-2025-04-14';
/** Listing stops here even if the service keeps paging (a safety net against a cursor that never ends). */
const MAX_MODELS = 1000;
/** A produced file larger than this is not read into memory: refused by its metadata, else stopped at this many bytes read. */
export const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;

/**
 * Every active or deprecated model, all pages, in the service's order. Rejects with `SkillsApiError` (a 404 says
 * the service has no model list, rather than the Messages API's advice about model and skill ids).
 */
export async function listModels(sdk: Anthropic, options: CallOptions = {}): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  try {
    for await (const model of sdk.models.list({ limit: 100 }, { signal: options.signal })) {
      models.push({
        id: model.id,
        displayName: model.display_name || model.id,
        createdAt: model.created_at || null,
        lifecycle: model.lifecycle ?? 'active',
        maxTokens: model.max_tokens ?? null,
        line: model.line ?? null,
      });
      if (models.length >= MAX_MODELS) break;
    }
  } catch (error) {
    const failure = callError(error);
    if (failure.kind !== 'not-found') throw failure;
    throw new SkillsApiError(
      failure.kind,
      `The service has no model list (${failure.status ?? 404} at /v1/models).`,
      failure.status,
      failure.requestId,
    );
  }
  return models;
}

/** A produced file's safe name and bytes, read in memory. Rejects with `SkillsApiError`. */
export async function downloadFile(sdk: Anthropic, form: ApiForm, fileId: string, options: CallOptions = {}): Promise<DownloadedFile> {
  const request = { signal: options.signal };
  try {
    const metadata = await fileMetadata(sdk, form, fileId, options);
    if (metadata.size_bytes > MAX_DOWNLOAD_BYTES) {
      throw new SkillsApiError(
        'too-large',
        `The file is ${Math.ceil(metadata.size_bytes / 1048576)} MB, more than the ${MAX_DOWNLOAD_BYTES / 1048576} MB the chat downloads.`,
      );
    }
    const response =
      form === 'beta'
        ? await sdk.beta.files.download(fileId, { betas: [FILES_BETA] }, request)
        : await sdk.files.download(fileId, {}, request);
    const bytes = await readBoundedBody(response, {
      maxBytes: MAX_DOWNLOAD_BYTES,
      signal: options.signal,
      what: 'the file',
      capReason: `The chat downloads files up to ${MAX_DOWNLOAD_BYTES / 1048576} MB.`,
    });
    return { fileId, filename: safeFileName(metadata.filename, fileId), mimeType: metadata.mime_type || null, bytes };
  } catch (error) {
    throw callError(error);
  }
}

/** The safe names of produced files (`safeFileName`), by id; a file whose metadata cannot be read is left out. */
export async function fileNames(
  sdk: Anthropic,
  form: ApiForm,
  fileIds: readonly string[],
  options: CallOptions = {},
): Promise<Map<string, string>> {
  const named = await Promise.all(
    fileIds.map((fileId) =>
      fileMetadata(sdk, form, fileId, options).then(
        (metadata) => [fileId, safeFileName(metadata.filename, fileId)] as const,
        () => null,
      ),
    ),
  );
  return new Map(named.filter((entry) => entry !== null));
}

function fileMetadata(
  sdk: Anthropic,
  form: ApiForm,
  fileId: string,
  options: CallOptions,
): Promise<{ filename: string; mime_type: string; size_bytes: number }> {
  const request = { signal: options.signal };
  return form === 'beta'
    ? sdk.beta.files.retrieveMetadata(fileId, { betas: [FILES_BETA] }, request)
    : sdk.files.retrieveMetadata(fileId, {}, request);
}

/**
 * A name from the service made safe to join to a folder: the last path part, without control or
 * reserved characters, never `.`/`..`, at most 255 characters; `fallback` (a file id) made safe the same
 * way when nothing usable is left, and `file` when that leaves nothing either. Always one plain file name.
 */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  return plainName(name) || plainName(fallback) || 'file';
}

function plainName(name: string | null | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  return last
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 255);
}

function callError(error: unknown): SkillsApiError {
  return toSkillsApiError(error, CLAUDE_API);
}
