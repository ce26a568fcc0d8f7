import { ApolloLink, execute, gql } from '@apollo/client';
import { Observable, firstValueFrom } from 'rxjs';
import { LSN_HEADER, MIN_LSN_HEADER, WritePosition, compareLsn, readYourWritesLink } from './read-your-writes';

const QUERY = gql`
  query Probe {
    __typename
  }
`;

/** A terminating link that records the request headers and answers with the given LSN header. */
function server(answers: (string | null)[], seen: (string | undefined)[]): ApolloLink {
  return new ApolloLink((operation) => {
    const { headers = {} } = operation.getContext() as { headers?: Record<string, string> };
    seen.push(headers[MIN_LSN_HEADER]);
    const lsn = answers.shift() ?? null;
    operation.setContext({ response: new Response(null, { headers: lsn ? { [LSN_HEADER]: lsn } : {} }) });
    return new Observable((observer) => {
      observer.next({ data: { __typename: 'Query' } });
      observer.complete();
    });
  });
}

describe('read-your-writes link', () => {
  it('orders LSNs by both halves, as PostgreSQL does', () => {
    expect(compareLsn('1/0', '0/FFFFFFFF')).toBe(1);
    expect(compareLsn('0/16B3748', '0/16B3749')).toBe(-1);
    expect(compareLsn('A/1', 'a/1')).toBe(0);
  });

  it('sends nothing before a write, then the highest position any response carried', async () => {
    const seen: (string | undefined)[] = [];
    const link = ApolloLink.from([readYourWritesLink(), server([null, '0/3000', '0/2000', 'garbage', null], seen)]);
    const client = { link } as never;
    for (let i = 0; i < 5; i += 1) await firstValueFrom(execute(link, { query: QUERY }, { client }));
    // 1st: no position yet; 2nd: none seen (1st answered none); 3rd: 0/3000; a lower and a malformed one do not replace it.
    expect(seen).toEqual([undefined, undefined, '0/3000', '0/3000', '0/3000']);
  });

  it('keeps its position per link instance (per tab)', () => {
    const position = new WritePosition();
    position.observe('0/10');
    expect(new WritePosition().current).toBeNull();
    expect(position.current).toBe('0/10');
  });
});
