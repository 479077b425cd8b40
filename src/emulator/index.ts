import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatState } from './chatState';
import { Delays } from './delays';
import { FaultList, type FaultRule } from './faults';
import { isLoopback } from './http';
import type { EmulatorState } from './model';
import { openDataFolder } from './persistence';
import { generatedSkills, seedSkills } from './seed';
import { createHandler, type SeenRequest } from './server';
import { SkillStore } from './store';

export type { FaultRule } from './faults';
export type { SeenRequest } from './server';

/** How to start an emulator. */
export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. The admin routes exist only on a loopback host. */
  readonly host?: string;
  /** Keep state in this folder across restarts. */
  readonly dataDir?: string;
  /** Start with example skills (only when `dataDir` holds no state yet). */
  readonly seed?: boolean;
  /** Accept only this key (any key otherwise). */
  readonly apiKey?: string;
}

/** In-process control of a running emulator, for tests and benchmarks. */
export interface EmulatorAdmin {
  /** The skills it serves. */
  readonly store: SkillStore;
  /** Injects faults into the next matching requests. */
  injectFault(rule: FaultRule | readonly FaultRule[]): void;
  clearFaults(): void;
  /** Back to the starting skills (seeded or empty); faults cleared. */
  reset(): void;
  /** Replaces every skill with `count` generated custom skills of `versionsPerSkill` versions each. */
  fill(count: number, versionsPerSkill: number): void;
  /** Calls `listener` as each request arrives; returns the unsubscribe function. */
  onRequest(listener: (request: SeenRequest) => void): () => void;
}

/** A running emulator. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly admin: EmulatorAdmin;
  close(): Promise<void>;
}

/** Starts the Skills API emulator on loopback (by default) and resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const { dataDir } = options;
  const initial = (): EmulatorState => ({ skills: options.seed ? seedSkills() : [] });
  const folder = dataDir ? openDataFolder(dataDir) : undefined;
  const store = new SkillStore(folder?.state ?? { skills: [] }, folder?.save);
  if (!folder?.state) store.replaceAll(initial().skills);
  const faults = new FaultList();
  const chat = new ChatState();
  const listeners = new Set<(request: SeenRequest) => void>();
  const delays = new Delays();
  const fill = (count: number, versionsPerSkill: number): void => store.replaceAll(generatedSkills(count, versionsPerSkill));
  const reset = (): void => {
    faults.clear();
    chat.clear();
    store.replaceAll(initial().skills);
  };
  const server = createServer(
    createHandler({
      store,
      chat,
      faults,
      apiKey: options.apiKey,
      adminEnabled: isLoopback(host),
      boundHost: host,
      reset,
      fill,
      delay: (ms) => delays.wait(ms),
      onRequest: (request) => listeners.forEach((listener) => listener(request)),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    admin: {
      store,
      injectFault: (rule) => faults.add(Array.isArray(rule) ? rule : [rule]),
      clearFaults: () => faults.clear(),
      reset,
      fill,
      onRequest: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        delays.endAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
