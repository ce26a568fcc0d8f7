import { ApolloLink } from '@apollo/client';
import { map } from 'rxjs';

/** Server/README.md, "Read replicas": a committed mutation answers with the primary's WAL position… */
export const LSN_HEADER = 'x-renda-lsn';
/** …which later requests send back, so a replica serves them only once it has replayed that far. */
export const MIN_LSN_HEADER = 'x-renda-min-lsn';

/** Orders PostgreSQL LSNs (`hi/lo`, both hexadecimal). */
export function compareLsn(a: string, b: string): number {
  const value = (lsn: string) => {
    const [hi = '0', lo = '0'] = lsn.split('/');
    return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
  };
  const diff = value(a) - value(b);
  return diff === 0n ? 0 : diff > 0n ? 1 : -1;
}

/** Remembers the highest LSN seen; plain state, so the link and its test share one rule. */
export class WritePosition {
  private lsn: string | null = null;

  get current(): string | null {
    return this.lsn;
  }

  observe(lsn: string | null | undefined): void {
    if (!lsn || !/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(lsn)) return;
    if (!this.lsn || compareLsn(lsn, this.lsn) > 0) this.lsn = lsn;
  }
}

/**
 * Read-your-writes when reads may go to a lagging replica: every request carries the position of this
 * tab's newest write, and each response's position is remembered. Without replicas the server sends no
 * position and the link adds nothing.
 */
export function readYourWritesLink(position = new WritePosition()): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const lsn = position.current;
    if (lsn) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, [MIN_LSN_HEADER]: lsn },
      }));
    }
    return forward(operation).pipe(
      map((result) => {
        const response = (operation.getContext() as { response?: Response }).response;
        position.observe(response?.headers.get(LSN_HEADER));
        return result;
      }),
    );
  });
}
