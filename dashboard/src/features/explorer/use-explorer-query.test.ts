import { describe, expect, it } from '@jest/globals';
import { EXAMPLES, parseVariables } from './explorer-examples';
import type { RawResult } from './raw-request';
import { useExplorerQuery } from './use-explorer-query';

describe('parseVariables', () => {
  it('takes empty as no variables and only a JSON object as variables', () => {
    expect(parseVariables('  ')).toEqual({ ok: true, value: null });
    expect(parseVariables('{ "states": ["COMPLETED"] }')).toEqual({ ok: true, value: { states: ['COMPLETED'] } });
    expect(parseVariables('[1]')).toEqual({ ok: false });
    expect(parseVariables('null')).toEqual({ ok: false });
    expect(parseVariables('{ states: 1 }')).toEqual({ ok: false });
  });
});

describe('useExplorerQuery', () => {
  it('runs the query with its variables, and refuses to run invalid variables', async () => {
    const calls: [string, Record<string, unknown> | null][] = [];
    const answer: RawResult = { data: { townships: { nodes: [] } }, errors: null };
    const explorer = useExplorerQuery(async (query, variables) => {
      calls.push([query, variables]);
      return answer;
    });
    explorer.loadExample('suggestions');
    expect(explorer.name.value).toBe('suggestions');
    await explorer.run();
    expect(calls).toEqual([[EXAMPLES.suggestions.query, { states: ['COMPLETED'] }]]);
    expect(explorer.result.value).toBe(answer);
    explorer.variablesText.value = '{ nope';
    await explorer.run();
    expect(calls).toHaveLength(1);
  });

  it('keeps a failed run as its error, with no stale result', async () => {
    let fail = false;
    const explorer = useExplorerQuery(async () => {
      if (fail) throw new Error('HTTP 502: bad gateway');
      return { data: { a: 1 }, errors: null };
    });
    await explorer.run();
    fail = true;
    await explorer.run();
    expect(explorer.result.value).toBeNull();
    expect(explorer.runError.value).toBeInstanceOf(Error);
    expect(explorer.running.value).toBe(false);
  });
});
