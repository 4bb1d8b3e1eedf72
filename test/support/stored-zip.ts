/**
 * A minimal stored (uncompressed) zip with one file: what CreateFunction's `ZipFile` takes. Written by
 * hand because moto needs a real archive and no zip library is a dependency of this project.
 */
import { crc32 } from 'node:zlib';

/** One little-endian field of a zip header: its width in bytes and its value. */
type Field = readonly [bytes: 2 | 4, value: number];

function header(fields: readonly Field[]): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [bytes]) => n + bytes, 0));
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
    at += bytes;
  }
  return out;
}

const UTF8_NAME = 0x0800;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

export function storedZip(name: string, content: string): Uint8Array {
  const nameBuf = Buffer.from(name, 'utf8');
  const data = Buffer.from(content, 'utf8');
  const crc = crc32(data);
  // version needed 2.0, method stored, then time, date, crc, sizes and name length as both headers share them
  const common: Field[] = [
    [2, UTF8_NAME],
    [2, 0],
    [2, DOS_TIME],
    [2, DOS_DATE],
    [4, crc],
    [4, data.length],
    [4, data.length],
    [2, nameBuf.length],
    [2, 0],
  ];
  const local = header([[4, 0x04034b50], [2, 20], ...common]);
  const central = header([
    [4, 0x02014b50],
    [2, (3 << 8) | 20], // made by: unix, 2.0
    [2, 20],
    ...common,
    [2, 0], // comment
    [2, 0], // disk
    [2, 0], // internal attrs
    [4, 0o100644 << 16], // external attrs: regular file, rw-r--r--
    [4, 0], // local header offset
  ]);
  const localSize = local.length + nameBuf.length + data.length;
  const centralSize = central.length + nameBuf.length;
  const end = header([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, 1],
    [2, 1],
    [4, centralSize],
    [4, localSize],
    [2, 0],
  ]);
  return new Uint8Array(Buffer.concat([local, nameBuf, data, central, nameBuf, end]));
}
