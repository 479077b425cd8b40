import type { SkillVersion } from '../../core/api/types';

/**
 * How a publish ended, for the tests and the log (the user was told already); what `skillsmith.publish.folder`
 * returns to the features that run it.
 */
export type PublishOutcome =
  | { readonly kind: 'published'; readonly skillId: string; readonly version: SkillVersion; readonly files: number; readonly bytes: number }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly message: string; readonly requestId?: string; readonly rule?: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * What another feature may ask of `skillsmith.publish.folder` beside the folder: `reveal: false` adds the new version
 * to the Skills view without switching the side bar to it (an eval run keeps the Testing view in front).
 */
export interface PublishRequest {
  readonly reveal: boolean;
}

/** True for a `PublishRequest` (and not for what menus pass a command, such as the Explorer's selected URIs). */
export function isPublishRequest(value: unknown): value is PublishRequest {
  return typeof value === 'object' && value !== null && typeof (value as { reveal?: unknown }).reveal === 'boolean';
}
