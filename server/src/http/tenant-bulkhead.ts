import type { Identity } from '../tenancy/identity.js';
import { timeoutError } from '../common/errors/map-availability-error.js';

interface Compartment {
  active: number;
  waiting: { grant: () => void; timer: NodeJS.Timeout }[];
}

/**
 * Bulkhead in front of the request transaction: one township (or one county user) holds at most
 * `limit` of the pool's connections at a time, so a township whose requests pile up behind a lock
 * cannot take the connections every other township needs. A request over the limit waits for its
 * compartment's turn (first come, first served) up to `waitMs`, then gets TIMEOUT.
 */
export class TenantBulkhead {
  private readonly compartments = new Map<string, Compartment>();

  constructor(
    readonly limit: number,
    readonly waitMs: number,
  ) {}

  static key(identity: Identity | null): string {
    if (!identity) return 'anonymous';
    return identity.townshipId ? `township:${identity.townshipId}` : `user:${identity.userId}`;
  }

  /** Resolves with the release function once the compartment has room; rejects with TIMEOUT after `waitMs`. */
  acquire(key: string): Promise<() => void> {
    let compartment = this.compartments.get(key);
    if (!compartment) {
      compartment = { active: 0, waiting: [] };
      this.compartments.set(key, compartment);
    }
    const room = compartment;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = room.waiting.shift();
      // The permit passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next) next.grant();
      else if (--room.active === 0) this.compartments.delete(key);
    };
    if (room.active < this.limit) {
      room.active += 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(release);
        },
        timer: setTimeout(() => {
          room.waiting.splice(room.waiting.indexOf(waiter), 1);
          reject(timeoutError('TENANT_BUSY'));
        }, this.waitMs),
      };
      room.waiting.push(waiter);
    });
  }
}
