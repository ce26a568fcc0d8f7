import { postgresLineWriter, type PostgresLogSink } from './postgres-log.js';

describe("PostgreSQL's log lines in the server's JSON log", () => {
  it('keeps severity and pid, ranks levels, and carries DETAIL lines at the level of their line', () => {
    const lines: [string, string, Record<string, unknown> | undefined][] = [];
    const sink: PostgresLogSink = {
      info: (message, fields) => lines.push(['info', message, fields]),
      warn: (message, fields) => lines.push(['warn', message, fields]),
      error: (_error, message, fields) => lines.push(['error', message, fields]),
    };
    const ready: string[] = [];
    const write = postgresLineWriter(sink, (text) => ready.push(text));
    // Chunks split anywhere, as a pipe delivers them.
    write('2026-12-06 13:47:17.086 UTC [18576] LOG:  database system is ready to accept connections\n2026-12-06 13:4');
    write('7:18.000 UTC [18601] ERROR:  canceling statement due to lock timeout\n');
    write('2026-12-06 13:47:18.000 UTC [18601] STATEMENT:  insert into activity_participant values ($1)\n');
    write('2026-12-06 13:47:19.000 UTC [18602] FATAL:  the database system is starting up\n');
    write('2026-12-06 13:47:20.000 UTC [18603] PANIC:  could not write to file "pg_wal/xlogtemp"\n');
    write('a line without the prefix\n');
    expect(lines).toEqual([
      ['info', 'database system is ready to accept connections', { source: 'postgres', severity: 'LOG', pgPid: 18576 }],
      ['warn', 'canceling statement due to lock timeout', { source: 'postgres', severity: 'ERROR', pgPid: 18601 }],
      [
        'warn',
        'insert into activity_participant values ($1)',
        { source: 'postgres', severity: 'STATEMENT', pgPid: 18601 },
      ],
      ['warn', 'the database system is starting up', { source: 'postgres', severity: 'FATAL', pgPid: 18602 }],
      ['error', 'could not write to file "pg_wal/xlogtemp"', { source: 'postgres', severity: 'PANIC', pgPid: 18603 }],
      ['error', 'a line without the prefix', { source: 'postgres' }],
    ]);
    expect(ready[0]).toBe('database system is ready to accept connections');
  });
});
