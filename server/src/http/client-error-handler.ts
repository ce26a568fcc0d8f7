import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { Logger } from '../common/logging/logger.js';
import { httpErrorBody } from './http-error-body.js';
import { httpErrors } from './http.errors.js';

/**
 * Requests Node's HTTP parser refuses before any route sees them (a NUL or control character in a
 * header, headers over the 16 KB limit, a broken request line): Node's default answers a bare
 * `400 Bad Request` with no body. Here they get the coded JSON body every other refusal has
 * (http-error-body.ts), one JSON log line, and the connection closes, as Node's default does.
 */
export function clientErrorHandler(logger: Logger): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    // ECONNRESET and the like: the client is gone, nobody to answer.
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const refusal = tooLarge ? httpErrors.headersTooLarge() : httpErrors.malformedRequest(error.code ?? 'unknown');
    logger.warn('request refused by the HTTP parser', { reason: error.code ?? 'unknown', status });
    const body = JSON.stringify(httpErrorBody(refusal));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        'cache-control: no-store\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  };
}
