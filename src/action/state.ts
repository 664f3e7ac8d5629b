// What `main` hands to `post` through the runner's state (core.saveState → STATE_* env):
// the transfer configs still alive and how to reach them, so `post` deletes whatever a
// cancelled or killed `main` left behind.
import type { Transport } from '../cloud/endpoints.js';

export const STATE_KEY = 's3bq-cleanup';

export interface CleanupState {
  /** Transfer config resource names created by this job and not yet deleted. */
  configs: string[];
  project?: string | undefined;
  location: string;
  transport: Transport;
}

/**
 * Keeps the set of live configs and saves it on every change: the runner may kill `main`
 * at any moment, so the state must always be current.
 */
export class ConfigLedger {
  private readonly live = new Set<string>();

  constructor(
    private readonly base: Omit<CleanupState, 'configs'>,
    private readonly save: (key: string, value: string) => void,
  ) {}

  created(name: string): void {
    this.live.add(name);
    this.flush();
  }

  deleted(name: string): void {
    this.live.delete(name);
    this.flush();
  }

  get configs(): string[] {
    return [...this.live];
  }

  private flush(): void {
    const state: CleanupState = { ...this.base, configs: this.configs };
    this.save(STATE_KEY, JSON.stringify(state));
  }
}

/** The saved state, or undefined when `main` saved none (it failed before any config). */
export function parseCleanupState(text: string): CleanupState | undefined {
  if (text.trim() === '') return undefined;
  const value = JSON.parse(text) as Partial<CleanupState>;
  if (!Array.isArray(value.configs) || typeof value.location !== 'string') {
    throw new Error(`The saved cleanup state is not what main wrote: ${text.slice(0, 200)}`);
  }
  return {
    configs: value.configs.filter((name): name is string => typeof name === 'string'),
    project: typeof value.project === 'string' ? value.project : undefined,
    location: value.location,
    transport: value.transport === 'rest' ? 'rest' : 'grpc',
  };
}
