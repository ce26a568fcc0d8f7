/** A query the analyst kept (in this browser for now; the analytics issue adds server-side ones). */
export interface SavedQuery {
  name: string;
  query: string;
  /** The variables as JSON text, as typed. */
  variables: string;
  savedAt: string;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const SAVED_QUERIES_KEY = 'renda.explorer.savedQueries';

function isSavedQuery(value: unknown): value is SavedQuery {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['name'] === 'string' &&
    typeof v['query'] === 'string' &&
    typeof v['variables'] === 'string' &&
    typeof v['savedAt'] === 'string'
  );
}

/** Saved queries in a key-value storage (localStorage in the browser), by name, newest first. */
export class SavedQueryStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string = SAVED_QUERIES_KEY,
  ) {}

  list(): SavedQuery[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isSavedQuery) : [];
    } catch {
      return [];
    }
  }

  /** Saves under a name, replacing a query of the same name. */
  save(query: Omit<SavedQuery, 'savedAt'>, now: Date = new Date()): SavedQuery[] {
    const name = query.name.trim();
    if (!name) throw new Error('a saved query needs a name');
    const next = [{ ...query, name, savedAt: now.toISOString() }, ...this.list().filter((q) => q.name !== name)];
    this.storage.setItem(this.key, JSON.stringify(next));
    return next;
  }

  remove(name: string): SavedQuery[] {
    const next = this.list().filter((q) => q.name !== name);
    this.storage.setItem(this.key, JSON.stringify(next));
    return next;
  }
}
