import { randomKey } from './ids';
import { PromptCache } from './promptCache';

/** How long a code execution container lives after its creation (the service's 30 days). */
export const CONTAINER_LIFETIME_MS = 30 * 86_400_000;

/** A skill as a container resolved it: the version is a concrete id or label, never `latest`. */
export interface ResolvedContainerSkill {
  readonly type: 'anthropic' | 'custom';
  readonly skill_id: string;
  readonly version: string;
}

/** A code execution container the scripted model has run in. */
export interface EmulatedContainer {
  readonly id: string;
  readonly expiresAt: string;
  /** The skills of the request that last used it. */
  skills: readonly ResolvedContainerSkill[];
}

/** A file a container produced, served by the Files API routes. */
export interface EmulatedFile {
  readonly id: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly createdAt: string;
  readonly bytes: Uint8Array;
  /** Files the container produced can be downloaded; files a user uploaded cannot (as the service says). */
  readonly downloadable: boolean;
}

/** The containers, produced files and prompt cache of the Messages routes (memory only; `clear` on reset). */
export class ChatState {
  /** The prefixes requests marked with `cache_control`, as the service caches them. */
  readonly promptCache = new PromptCache();
  private readonly containers = new Map<string, EmulatedContainer>();
  private readonly files = new Map<string, EmulatedFile>();

  /** A new container, expiring `CONTAINER_LIFETIME_MS` from now. */
  createContainer(now = Date.now()): EmulatedContainer {
    const container = { id: `container_${randomKey()}`, expiresAt: new Date(now + CONTAINER_LIFETIME_MS).toISOString(), skills: [] };
    this.containers.set(container.id, container);
    return container;
  }

  /** The container with this id, or undefined. */
  findContainer(id: string): EmulatedContainer | undefined {
    return this.containers.get(id);
  }

  /** Stores a produced (or, with `downloadable` false, an uploaded) file and returns it with its new `file_…` id. */
  addFile(filename: string, mimeType: string, bytes: Uint8Array, downloadable = true): EmulatedFile {
    const file = { id: `file_${randomKey()}`, filename, mimeType, createdAt: new Date().toISOString(), bytes, downloadable };
    this.files.set(file.id, file);
    return file;
  }

  /** The file with this id, or undefined. */
  findFile(id: string): EmulatedFile | undefined {
    return this.files.get(id);
  }

  /** Forgets every container, file and cached prefix. */
  clear(): void {
    this.containers.clear();
    this.files.clear();
    this.promptCache.clear();
  }
}
