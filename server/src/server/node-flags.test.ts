import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../config/app-config.js';
import { SERVER_NODE_FLAGS } from './node-flags.js';

/**
 * The tests that start the built server pass SERVER_NODE_FLAGS themselves (test-support/spawn-server.ts);
 * the two ways it is started outside them must carry the same flags. graceful-shutdown.test.ts then reads
 * a request's operation name off its access-log line, which the request scope carries across the
 * request's database work.
 */
describe('the Node.js options the server runs with', () => {
  const root = findRepoRoot();

  it('are in `npm start`', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts['start']).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} dist/main.js`);
  });

  it("are in the container's command", () => {
    const dockerfile = readFileSync(join(root, 'server', 'Dockerfile'), 'utf8');
    const command = /^CMD (\[.*"server\/dist\/main\.js"\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(command ?? '[]')).toEqual(['node', ...SERVER_NODE_FLAGS, 'server/dist/main.js']);
  });
});
