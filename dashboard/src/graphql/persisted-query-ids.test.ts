import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gql } from '@apollo/client';
import { CountyHeadlineDocument, LoginDocument } from './generated/operations';
import { PERSISTED_QUERY_IDS } from './generated/persisted-query-ids';
import { persistedQueryId } from './client';

describe('persisted operations', () => {
  it('registers every operation of src/features under its name, and nothing else', () => {
    const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'features');
    const names = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.graphql'))
      .flatMap((file) =>
        [...readFileSync(join(root, file), 'utf8').matchAll(/^(?:query|mutation) (\w+)/gm)].map((m) => m[1]),
      );
    expect(Object.keys(PERSISTED_QUERY_IDS).sort()).toEqual([...names].sort());
    for (const id of Object.values(PERSISTED_QUERY_IDS)) expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(PERSISTED_QUERY_IDS)).size).toBe(names.length);
  });

  it('sends registered documents by their id and the explorer’s own documents in full', () => {
    expect(persistedQueryId(CountyHeadlineDocument)).toBe(PERSISTED_QUERY_IDS['CountyHeadline']);
    expect(persistedQueryId(LoginDocument)).toBe(PERSISTED_QUERY_IDS['Login']);
    expect(persistedQueryId(gql('query Mine { townships(first: 1) { totalCount } }'))).toBeUndefined();
    expect(persistedQueryId(gql('{ townships(first: 1) { totalCount } }'))).toBeUndefined();
    // an id is a document's hash, never a name's
    expect(PERSISTED_QUERY_IDS['Login']).not.toBe(createHash('sha256').update('Login').digest('hex'));
  });
});
