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
