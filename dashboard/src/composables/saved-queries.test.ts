import { describe, expect, it } from '@jest/globals';
import { SavedQueryStore, type KeyValueStorage } from './saved-queries';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('SavedQueryStore', () => {
  it('saves newest first and replaces by name', () => {
    const store = new SavedQueryStore(memoryStorage());
    store.save({ name: 'a', query: '{ me { login } }', variables: '{}' }, new Date('2026-01-01T00:00:00Z'));
    store.save({ name: 'b', query: '{ townships { totalCount } }', variables: '' });
    const list = store.save({ name: ' a ', query: '{ me { role } }', variables: '{}' });
    expect(list.map((q) => q.name)).toEqual(['a', 'b']);
    expect(store.list()[0]!.query).toBe('{ me { role } }');
  });

  it('removes, refuses an empty name, and survives damaged storage', () => {
    const storage = memoryStorage({ 'renda.explorer.savedQueries': 'not json' });
    const store = new SavedQueryStore(storage);
    expect(store.list()).toEqual([]);
    expect(() => store.save({ name: ' ', query: '{}', variables: '' })).toThrow();
    store.save({ name: 'x', query: '{}', variables: '' });
    expect(store.remove('x')).toEqual([]);
    storage.data['renda.explorer.savedQueries'] = JSON.stringify([
      { name: 1 },
      { name: 'ok', query: '', variables: '', savedAt: '' },
    ]);
    expect(store.list().map((q) => q.name)).toEqual(['ok']);
  });
});
