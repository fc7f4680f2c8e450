// A zip writer for hostile-bundle tests: writes exactly what it is told, including what no honest
// tool would (duplicate names, symlink and encryption flags, sizes that lie, overlapping entries,
// foreign compression methods, any entry count), so the reader's refusals can be tested one by one.
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default), anything else is written as is with the data stored. */
  method?: number;
  flags?: number;
  /** Upper byte of "version made by": 3 = Unix (so externalAttributes carry a file mode). */
  os?: number;
  externalAttributes?: number;
  /** The uncompressed size to declare instead of the real one. */
  declaredSize?: number;
  /** Point the directory entry at another entry's local header (by index). */
  sameOffsetAs?: number;
}

export function rawZip(entries: RawEntry[], options: { entryCount?: number } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(e.data) : e.data;
    const crc = zlib.crc32(e.data) >>> 0;
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const at = e.sameOffsetAs !== undefined ? offsets[e.sameOffsetAs] : offset;
    offsets.push(at);
    if (e.sameOffsetAs === undefined) {
      parts.push(local, name, body);
      offset += 30 + name.length + body.length;
    }
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(((e.os ?? 0) << 8) | 20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.flags ?? 0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE((e.externalAttributes ?? 0) >>> 0, 38);
    cd.writeUInt32LE(at, 42);
    central.push(cd, name);
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.entryCount ?? entries.length;
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBytes, end]);
}
