/**
 * The part of the Web Locks API the tab guard uses (exclusive locks, `ifAvailable`, `steal`, `signal`),
 * in memory, shared by the "tabs" of one test. Neither Node nor happy-dom has `navigator.locks`.
 */
type Callback = (lock: { name: string } | null) => unknown;

interface Waiter {
  readonly callback: Callback;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

const abort = (message: string) => new DOMException(message, 'AbortError');

export class FakeLockManager {
  private readonly held = new Map<string, { reject: (reason: unknown) => void }>();
  private readonly queues = new Map<string, Waiter[]>();

  request(name: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, callback: Callback): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { callback, resolve, reject };
      if (options.steal) {
        const holder = this.held.get(name);
        this.held.delete(name);
        holder?.reject(abort('The lock was stolen'));
        this.grant(name, waiter);
        return;
      }
      if (!this.held.has(name)) {
        this.grant(name, waiter);
        return;
      }
      if (options.ifAvailable) {
        Promise.resolve()
          .then(() => callback(null))
          .then(resolve, reject);
        return;
      }
      const queue = this.queues.get(name) ?? [];
      queue.push(waiter);
      this.queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(waiter);
        if (index >= 0) {
          queue.splice(index, 1);
          reject(abort('The request was aborted'));
        }
      });
    });
  }

  private grant(name: string, waiter: Waiter): void {
    const entry = { reject: waiter.reject };
    this.held.set(name, entry);
    Promise.resolve()
      .then(() => waiter.callback({ name }))
      .then(
        (value) => {
          this.releaseIfHeldBy(name, entry);
          waiter.resolve(value);
        },
        (error: unknown) => {
          this.releaseIfHeldBy(name, entry);
          waiter.reject(error);
        },
      );
  }

  private releaseIfHeldBy(name: string, entry: object): void {
    if (this.held.get(name) !== entry) return;
    this.held.delete(name);
    const next = this.queues.get(name)?.shift();
    if (next) this.grant(name, next);
  }
}
