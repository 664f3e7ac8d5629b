// A counting semaphore whose waiters can give up: a cancelled partition leaves the line
// at once instead of holding a place until its turn.

export class Slots {
  private used = 0;
  private readonly line: { grant: () => void; signal?: AbortSignal | undefined }[] = [];

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`a slot count must be a positive integer (got ${capacity})`);
    }
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.used < this.capacity && this.line.length === 0) {
      this.used += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        },
      };
      const leave = () => {
        const index = this.line.indexOf(entry);
        if (index !== -1) this.line.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.line.push(entry);
    });
  }

  release(): void {
    const next = this.line.shift();
    if (next) next.grant();
    else this.used = Math.max(0, this.used - 1);
  }
}
