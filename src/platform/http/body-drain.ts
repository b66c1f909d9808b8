/**
 * A body refused before it was read (too large: 413; forged: 403; not signed in: 303) is still
 * arriving when the answer goes out. Fastify then asks for `Connection: close`, and Node closes the
 * socket as soon as the answer is written: the browser, still sending, meets a closed socket, its
 * TCP stack answers the next packet with a reset, and the reset often throws away the answer it had
 * not yet shown — the person sees "connection reset" instead of the 413 page.
 *
 * So the rest of such a body is read and thrown away (the connection stays open and usable),
 * up to `maxBytes`; a body declared larger than that, or that turns out larger, is cut off as
 * before (its sender is not a browser posting a form, or not one worth waiting for).
 */
import type { FastifyInstance } from 'fastify';

export function installBodyDrain(app: FastifyInstance, options: { maxBytes: number }): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const raw = request.raw;
    if (raw.complete || raw.readableEnded || raw.destroyed) return done(null, payload);
    const declared = Number(raw.headers['content-length'] ?? Number.NaN);
    if (declared > options.maxBytes) {
      reply.header('connection', 'close');
      return done(null, payload);
    }
    reply.removeHeader('connection');
    let received = 0;
    raw.removeAllListeners('data');
    raw.unpipe();
    raw.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.maxBytes) raw.socket.destroy();
    });
    raw.resume();
    done(null, payload);
  });
}
