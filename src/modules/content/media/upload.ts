/**
 * The upload form's body (multipart/form-data), parsed before the CSRF check so `_csrf` is read like
 * any form's. Fields become strings; the one file (`file`) a Buffer of at most `maxBytes`. A file
 * larger than that is not refused mid-stream: the rest of it is read and thrown away so the form can
 * come back with "too large" by the field and every other field kept (`fileTooLarge`). Only a body
 * far beyond any upload (`maxRequestBytes`) is refused with 413 at once.
 */
import type { IncomingMessage } from 'node:http';
import { Busboy } from '@fastify/busboy';
import { AppError } from '../../../platform/errors.ts';

export interface UploadBody {
  [field: string]: string | string[] | Buffer | boolean | undefined;
  file?: Buffer;
  /** The file's name as the browser sent it (untrusted; clean it before keeping it). */
  fileName?: string;
  fileTooLarge?: boolean;
}

export interface UploadLimits {
  maxBytes: number;
  maxRequestBytes: number;
  /** Most text fields, and the longest one in bytes (a longer form than the upload's: 40, 10,000). */
  fields?: number;
  fieldSize?: number;
}

/** Reads a multipart body; calls `done` with the body or an AppError (413 / 400). */
export function parseUpload(
  raw: IncomingMessage,
  limits: UploadLimits,
  done: (error: Error | null, body?: UploadBody) => void,
): void {
  const declared = Number(raw.headers['content-length'] ?? Number.NaN);
  if (declared > limits.maxRequestBytes) return done(new AppError('LOTSA_PAYLOAD_TOO_LARGE'));
  let busboy: InstanceType<typeof Busboy>;
  try {
    busboy = new Busboy({
      headers: raw.headers as { 'content-type': string },
      limits: {
        fileSize: limits.maxBytes,
        files: 1,
        fields: limits.fields ?? 40,
        fieldSize: limits.fieldSize ?? 10_000,
        parts: (limits.fields ?? 40) + 2,
      },
    });
  } catch {
    return done(new AppError('LOTSA_BAD_REQUEST'));
  }
  const body: UploadBody = Object.create(null) as UploadBody;
  let finished = false;
  let received = 0;
  const finish = (error: Error | null) => {
    if (finished) return;
    finished = true;
    raw.unpipe(busboy);
    done(error, error ? undefined : body);
  };
  busboy.on('field', (name, value) => {
    const current = body[name];
    if (current === undefined) body[name] = value;
    else body[name] = [...(Array.isArray(current) ? current : [String(current)]), value];
  });
  busboy.on('file', (name, stream, filename) => {
    if (name === 'file' && typeof filename === 'string') body.fileName = filename;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (name !== 'file') return;
      if (stream.truncated) body.fileTooLarge = true;
      else if (chunks.length > 0) body.file = Buffer.concat(chunks);
    });
  });
  busboy.on('finish', () => finish(null));
  busboy.on('error', () => finish(new AppError('LOTSA_BAD_REQUEST')));
  raw.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > limits.maxRequestBytes) finish(new AppError('LOTSA_PAYLOAD_TOO_LARGE'));
  });
  raw.on('error', () => finish(new AppError('LOTSA_BAD_REQUEST')));
  raw.pipe(busboy);
}
