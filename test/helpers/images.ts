/** Images for tests: a decompression bomb and a phone photo with GPS (test/http/content uses them too). */
import sharp from 'sharp';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A valid 1×1 PNG whose header then claims `width`×`height` pixels: a few dozen bytes. */
export async function pngBomb(width = 60_000, height = 60_000): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A JPEG 600×300 stored sideways (EXIF orientation 6) with GPS, a camera owner and XMP. */
export async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 300, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'OWNER-SECRET', Artist: 'OWNER-SECRET' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '60/1 36/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '15/1 37/1 0/1',
        GPSMapDatum: 'GPS-SECRET',
      },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>XMP-SECRET</rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

/** Noise that does not compress: a PNG of about `width`×`width`×3 bytes. */
export async function noisePng(width: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * width * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height: width, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** A multipart/form-data body as a browser sends the upload form (the file last, like the page's order would not matter). */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer },
) {
  const boundary = `----lotsa${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
