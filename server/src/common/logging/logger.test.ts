import { createLogger } from './logger.js';
import { requestScope } from './request-scope.js';
import { captureLog } from '../../test-support/log-capture.js';

describe('logger', () => {
  it('writes one JSON object per line with time, level name and message', () => {
    const out = captureLog();
    createLogger({ destination: out.stream }).info('started', { port: 4000 });
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ level: 'info', message: 'started', port: 4000 });
    expect(new Date(String(out.lines[0]!['time'])).toISOString()).toBe(out.lines[0]!['time']);
  });

  it('adds the request id (and operation) of the request being served', () => {
    const out = captureLog();
    const logger = createLogger({ destination: out.stream });
    requestScope.run({ requestId: 'req-1', operationName: 'Dashboard' }, () => logger.warn('slow'));
    logger.info('outside');
    expect(out.lines[0]).toMatchObject({ level: 'warn', message: 'slow', requestId: 'req-1', operation: 'Dashboard' });
    expect(out.lines[1]).not.toHaveProperty('requestId');
  });

  it('serialises errors with their type, message and stack, and hides credentials', () => {
    const out = captureLog();
    createLogger({ destination: out.stream }).error(new TypeError('boom'), 'failed', {
      password: 'hunter2',
      headers: { authorization: 'Bearer x' },
    });
    const line = out.lines[0]!;
    expect(line).toMatchObject({ level: 'error', message: 'failed', error: { type: 'TypeError', message: 'boom' } });
    expect(String((line['error'] as { stack: string }).stack)).toContain('TypeError: boom');
    expect(JSON.stringify(line)).not.toContain('hunter2');
    expect(JSON.stringify(line)).not.toContain('Bearer x');
  });

  it('writes nothing when silent', () => {
    const out = captureLog();
    const logger = createLogger({ silent: true, destination: out.stream });
    logger.info('a');
    logger.error(new Error('b'), 'c');
    expect(out.lines).toHaveLength(0);
  });
});
