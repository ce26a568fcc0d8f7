import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { K8S_DIR } from './render-overlay.js';

/**
 * The images the manifests run, both targets of one Dockerfile (these rules are read from the file; the
 * image test in server/src/deploy/ builds and runs them with podman).
 */
const DOCKERFILE = 'server/Dockerfile';
const TARGETS = ['server', 'migrate'];

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

describe(DOCKERFILE, () => {
  const parsed = stages(readFileSync(join(K8S_DIR, '..', DOCKERFILE), 'utf8'));
  const byName = new Map(parsed.stages.map((stage) => [stage.name, stage]));
  const baseOf = (stage: Stage) =>
    stage.lines[0]!.split(/\s+/)[1]!.replace(/^\$\{(\w+)\}$/, (_, name: string) => parsed.args[name]!);
  /** A target's stage and the stages it is built FROM, nearest first: together they make its image. */
  const chain = (name: string): Stage[] => {
    const stage = byName.get(name)!;
    const base = byName.get(baseOf(stage));
    return base ? [stage, ...chain(base.name)] : [stage];
  };

  it('is multi-stage, every stage from a base image pinned to a patch release or from an earlier stage', () => {
    expect(parsed.stages.length).toBeGreaterThanOrEqual(3);
    parsed.stages.forEach((stage, i) => {
      const base = baseOf(stage);
      const earlier = parsed.stages.slice(0, i).some((s) => s.name === base);
      if (!earlier) expect(base).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+(-slim)?$/);
    });
    // A build without --target gives the server.
    expect(parsed.stages.at(-1)!.name).toBe('server');
  });

  describe.each(TARGETS)('target %s', (target) => {
    const image = chain(target);
    const lines = image.flatMap((stage) => stage.lines.slice(1));

    it('runs as a numeric non-root user', () => {
      // The nearest USER wins: stages are nearest first, lines in order within each.
      const user = image.map((stage) => stage.lines.filter((l) => /^USER\s/i.test(l)).at(-1)).find(Boolean);
      expect(user).toMatch(/^USER\s+[1-9]\d*(:[1-9]\d*)?$/);
    });

    it('ships runtime dependencies only: node_modules from an install without dev or optional packages', () => {
      // node_modules (and the server's own, for versions that differ from another workspace's) come
      // only from a stage whose install leaves dev and optional packages out.
      const copies = lines.filter((l) => l.includes('node_modules'));
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) {
        const source = /--from=(\S+)/.exec(copy)![1]!;
        const install = byName.get(source)!.lines.find((l) => /npm ci/.test(l))!;
        expect(install).toContain('--omit=dev');
        expect(install).toContain('--omit=optional');
      }
      // Nothing else in the image's own stages installs or builds.
      expect(lines.filter((l) => /^RUN\s/i.test(l))).toEqual([]);
    });
  });
});
