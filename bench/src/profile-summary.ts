import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, see RENDA_BENCH_CPU_PROF in contender.ts): self time
 * by function and by package, as shares of the time the process was not idle.
 *
 *   node dist/profile-summary.js <file.cpuprofile> [top]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@mikro-orm/core/…` → `@mikro-orm/core`; the server's own code → `server/…`; else the kind. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const own = /\/(server|bench|seeds)\/dist\/(.*?)\/[^/]*$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.startsWith('node:') ? 'node (core)' : url;
}

export function summariseProfile(profile: Profile, top = 15): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const pkg = packageOf(url, functionName);
    // The server's own functions by file (server/modules/analytics/trend.service.js:12), the rest by package.
    const file = /\/((?:server|bench|seeds)\/dist\/.*)$/.exec(url)?.[1]?.replace('/dist/', '/') ?? pkg;
    const name = `${functionName || '(anonymous)'} ${url ? `${file}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const table = (title: string, entries: Map<string, number>) =>
    [`${title} (self time, % of ${(busy / 1000).toFixed(1)} s busy)`]
      .concat(
        [...entries]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([name, ms]) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${name}`),
      )
      .join('\n');
  return `${table('by package', byPackage)}\n\n${table('by function', byFunction)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  process.stdout.write(summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 15)));
}
