// The library export's container: a POSIX ustar archive, gzip-compressed (`.tar.gz`), written and
// read with Node alone (no dependency). Any tar tool opens it (`tar -xzf export.loadwise-backup`).
// Both directions stream, a block at a time, so memory stays flat whatever the library's size.
//
// Only what the export needs is supported: regular files with short relative names (under 100
// bytes, no prefix field), sizes under 8 GB. The reader refuses anything else (links, folders, pax
// headers, absolute or `..` names are never produced by the writer and never accepted).
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const BLOCK = 512;
const MAX_SIZE = 8 * 1024 ** 3 - 1; // 11 octal digits

export type ArchiveEntry = { name: string; data: Buffer } | { name: string; file: string; size: number };

/** What is wrong with an archive: not one at all, cut short, or damaged inside. */
export type ArchiveProblem = 'not_archive' | 'incomplete' | 'damaged';

export class ArchiveError extends Error {
  constructor(
    message: string,
    readonly problem: ArchiveProblem = 'damaged',
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtimeSeconds: number): Buffer {
  if (Buffer.byteLength(name) >= 100) throw new Error(`archive entry name too long: ${name}`);
  if (size > MAX_SIZE) throw new Error(`archive entry too large: ${name}`);
  const b = Buffer.alloc(BLOCK);
  b.write(name, 0, 100, 'utf8');
  b.write(octal(0o600, 8), 100, 'latin1');
  b.write(octal(0, 8), 108, 'latin1');
  b.write(octal(0, 8), 116, 'latin1');
  b.write(octal(size, 12), 124, 'latin1');
  b.write(octal(mtimeSeconds, 12), 136, 'latin1');
  b.write('        ', 148, 'latin1');
  b.write('0', 156, 'latin1');
  b.write('ustar\0', 257, 'latin1');
  b.write('00', 263, 'latin1');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}

const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

async function* tarBlocks(entries: Iterable<ArchiveEntry>, mtimeSeconds: number): AsyncGenerator<Buffer> {
  for (const e of entries) {
    if ('data' in e) {
      yield header(e.name, e.data.length, mtimeSeconds);
      yield e.data;
      if (padding(e.data.length)) yield Buffer.alloc(padding(e.data.length));
      continue;
    }
    yield header(e.name, e.size, mtimeSeconds);
    let written = 0;
    for await (const chunk of fs.createReadStream(e.file, { highWaterMark: 256 * 1024 })) {
      written += (chunk as Buffer).length;
      if (written > e.size) break;
      yield chunk as Buffer;
    }
    // Photos are never rewritten and the database copy is private to the export: a size that
    // changed means something is wrong, and the archive would be unreadable past this entry.
    if (written !== e.size) throw new Error(`${e.name} changed while it was being exported`);
    if (padding(e.size)) yield Buffer.alloc(padding(e.size));
  }
  yield Buffer.alloc(2 * BLOCK);
}

/**
 * Writes the entries to `destination` as a gzip-compressed tar, streaming. Returns the number of
 * bytes written. Photos are already compressed, so the fastest gzip level is used.
 */
export async function writeArchive(destination: string, entries: Iterable<ArchiveEntry>, mtime: Date): Promise<number> {
  return writeArchiveTo(fs.createWriteStream(destination, { mode: 0o600 }), entries, mtime);
}

/**
 * Writes the entries as a gzip-compressed tar into `out` (a file, an HTTP response), streaming
 * with back-pressure; returns the number of compressed bytes. `out` is ended when done and
 * destroyed on failure.
 */
export async function writeArchiveTo(out: Writable, entries: Iterable<ArchiveEntry>, mtime: Date): Promise<number> {
  let bytes = 0;
  const gzip = zlib.createGzip({ level: 1 });
  gzip.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(Readable.from(tarBlocks(entries, Math.floor(mtime.getTime() / 1000))), gzip, out);
  return bytes;
}

/** Where an entry goes: a file (written as it streams) or memory (small entries, like a manifest). */
export type EntrySink = { file: string } | { memory: true; maxBytes: number };

export interface ExtractOptions {
  /** Decides each entry's fate from its name, size and position; throws to refuse the archive. */
  place(name: string, size: number, index: number): EntrySink;
  /** Receives an entry kept in memory once it is complete; may throw to refuse the archive. */
  received?(name: string, bytes: Buffer): void;
  /** Most bytes the whole archive may unpack to (a gzip bomb stops here). */
  maxTotalBytes: number;
}

function readOctal(block: Buffer, at: number, width: number): number {
  const field = block.subarray(at, at + width);
  if (field[0] & 0x80) throw new ArchiveError('The archive uses a size this version does not read.');
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new ArchiveError('The archive is damaged (a header is not readable).');
  return text === '' ? 0 : parseInt(text, 8);
}

function parseHeader(block: Buffer): { name: string; size: number } | null {
  if (block.every((b) => b === 0)) return null;
  const stored = readOctal(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  if (sum !== stored) throw new ArchiveError('The archive is damaged (a header checksum does not match).');
  const type = String.fromCharCode(block[156]);
  if (type !== '0' && type !== '\0') throw new ArchiveError('The archive holds something other than plain files.');
  if (block.subarray(345, 500).some((b) => b !== 0)) throw new ArchiveError('The archive holds a name this version does not read.');
  const name = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
  return { name, size: readOctal(block, 124, 12) };
}

/** Parses tar blocks as they arrive, writing each entry where `place` says. */
class TarExtractor extends Writable {
  private pending = Buffer.alloc(0);
  private entry: { name: string; size: number; left: number; pad: number; fd: number | null; chunks: Buffer[] } | null = null;
  private index = 0;
  private total = 0;
  private ended = false;

  constructor(private readonly options: ExtractOptions) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    try {
      this.total += chunk.length;
      if (this.total > this.options.maxTotalBytes) throw new ArchiveError('The archive unpacks to more than this version accepts.');
      this.consume(chunk);
      done();
    } catch (err) {
      this.closeEntry();
      done(err as Error);
    }
  }

  override _final(done: (err?: Error | null) => void): void {
    if (this.entry || !this.ended) {
      this.closeEntry();
      return done(new ArchiveError('The archive ends early (it is incomplete).', 'incomplete'));
    }
    done();
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.closeEntry();
    done(err);
  }

  private closeEntry(): void {
    if (this.entry?.fd != null) fs.closeSync(this.entry.fd);
    if (this.entry) this.entry.fd = null;
  }

  private consume(chunk: Buffer): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length > 0 && !this.ended) {
      const e = this.entry;
      if (!e) {
        if (data.length < BLOCK) break;
        const parsed = parseHeader(data.subarray(0, BLOCK));
        data = data.subarray(BLOCK);
        if (!parsed) {
          this.ended = true;
          break;
        }
        const sink = this.options.place(parsed.name, parsed.size, this.index++);
        const fd = 'file' in sink ? fs.openSync(sink.file, 'wx', 0o600) : null;
        if ('memory' in sink && parsed.size > sink.maxBytes) throw new ArchiveError(`${parsed.name} is larger than expected.`);
        this.entry = { ...parsed, left: parsed.size, pad: padding(parsed.size), fd, chunks: [] };
        if (parsed.size === 0) this.finishEntry();
        continue;
      }
      if (e.left > 0) {
        const part = data.subarray(0, Math.min(e.left, data.length));
        if (e.fd !== null) {
          for (let at = 0; at < part.length;) at += fs.writeSync(e.fd, part, at);
        } else e.chunks.push(Buffer.from(part));
        e.left -= part.length;
        data = data.subarray(part.length);
        if (e.left === 0) this.finishEntry();
        continue;
      }
      const skip = Math.min(e.pad, data.length);
      e.pad -= skip;
      data = data.subarray(skip);
      if (e.pad === 0) this.entry = null;
    }
    if (!this.ended && data.length > 0) this.pending = Buffer.from(data);
  }

  private finishEntry(): void {
    const e = this.entry!;
    if (e.fd !== null) {
      fs.fsyncSync(e.fd);
      fs.closeSync(e.fd);
      e.fd = null;
    } else this.options.received?.(e.name, Buffer.concat(e.chunks));
    if (e.pad === 0) this.entry = null;
  }
}

/**
 * Unpacks a gzip-compressed tar, streaming, entry by entry as `options.place` directs. Rejects
 * with ArchiveError for anything that is not such an archive, is damaged or incomplete.
 */
export async function extractArchive(file: string, options: ExtractOptions): Promise<void> {
  try {
    await pipeline(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), zlib.createGunzip(), new TarExtractor(options));
  } catch (err) {
    const code = (err as { code?: string }).code;
    // zlib says Z_BUF_ERROR ("unexpected end of file") when a compressed stream is cut short.
    if (code === 'Z_BUF_ERROR') throw new ArchiveError('The archive ends early (it is incomplete).', 'incomplete');
    if (code?.startsWith('Z_')) throw new ArchiveError('The file is not a compressed archive, or it is damaged.', 'not_archive');
    throw err;
  }
}
