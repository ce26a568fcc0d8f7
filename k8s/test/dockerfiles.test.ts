import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { K8S_DIR } from './render-overlay.js';

/** The images the manifests run (docker cannot build here: these rules are read from the files). */
const DOCKERFILES = ['server/Dockerfile', 'server/migrate.Dockerfile'];

interface Stage {
  name: string;
  lines: string[];
}

/** Stages of a Dockerfile, with continuation lines joined and comments dropped. */
function stages(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args: Record<string, string> = {};
  const result: Stage[] = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ name: from[2] ?? from[1]!, lines: [line] });
    else if (result.length === 0) {
      const arg = /^ARG\s+(\w+)=(\S+)/.exec(line);
      if (arg) args[arg[1]!] = arg[2]!;
    } else result.at(-1)!.lines.push(line);
  }
  return { args, stages: result };
}

describe.each(DOCKERFILES)('%s', (file) => {
  const parsed = stages(readFileSync(join(K8S_DIR, '..', file), 'utf8'));
  const final = parsed.stages.at(-1)!;

  it('is multi-stage from a base image pinned to a patch release', () => {
    expect(parsed.stages.length).toBeGreaterThanOrEqual(3);
    for (const stage of parsed.stages) {
      const image = stage.lines[0]!.split(/\s+/)[1]!.replace(/^\$\{(\w+)\}$/, (_, name: string) => parsed.args[name]!);
      expect(image).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+(-slim)?$/);
    }
  });

  it('runs as a numeric non-root user', () => {
    const user = final.lines.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toMatch(/^USER\s+[1-9]\d*(:[1-9]\d*)?$/);
  });

  it('ships runtime dependencies only: node_modules from an install without dev or optional packages', () => {
    const copies = final.lines.filter((l) => l.includes('node_modules'));
    expect(copies).toHaveLength(1);
    const source = /--from=(\S+)/.exec(copies[0]!)![1]!;
    const install = parsed.stages.find((s) => s.name === source)!.lines.find((l) => /npm ci/.test(l))!;
    expect(install).toContain('--omit=dev');
    expect(install).toContain('--omit=optional');
    // Nothing else in the final stage installs or builds.
    expect(final.lines.filter((l) => /^RUN\s/i.test(l))).toEqual([]);
  });
});
