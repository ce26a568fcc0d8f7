import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that holds every chunk for `delayMs` in each direction: the server
 * under test then pays a network round trip per statement, as it does against a database on another
 * host (a Kubernetes pod, a managed PostgreSQL), which loopback hides. Node's timers of one duration
 * fire in the order they were set, so each direction's bytes keep their order.
 */
export async function delayingProxy(databaseUrl: string, delayMs: number): Promise<{ url: string; server: Server }> {
  const target = new URL(databaseUrl);
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
    from.on('end', () => setTimeout(() => to.end(), delayMs));
    from.on('error', () => to.destroy());
  };
  const server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = connect(Number(target.port || 5432), target.hostname);
    upstream.setNoDelay(true);
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return { url: url.toString(), server };
}
