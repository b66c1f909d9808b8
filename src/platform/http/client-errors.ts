/**
 * Answers for requests Node's HTTP parser refuses before Fastify sees them: a malformed request line
 * or header (400), headers or a body that do not arrive in time (408), headers that are too large
 * (431). They carry the same security headers and problem details (problem.ts) as every other
 * answer, then the connection closes.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '../errors.ts';
import { ERROR_CODES } from '../errors.ts';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem.ts';

function codeFor(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_HEADERS_TIMEOUT')
    return 'LOTSA_REQUEST_TIMEOUT';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'LOTSA_HEADERS_TOO_LARGE';
  return 'LOTSA_BAD_REQUEST';
}

/**
 * The `clientErrorHandler` for Fastify: `headers` are the fixed security headers, `origin` is
 * PUBLIC_URL's (the request's host is not known here, nor trusted).
 */
export function clientErrorHandler(
  headers: Record<string, string>,
  origin: string,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  const fixed = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code = codeFor(error);
    const status = ERROR_CODES[code];
    const body = JSON.stringify(problemOf(code, { origin, lang: 'en' }));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${fixed}cache-control: no-store\r\n` +
          `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
          `connection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}
