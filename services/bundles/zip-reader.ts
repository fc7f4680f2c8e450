// Reads an untrusted zip (a shared library bundle) without trusting it: the central directory is
// parsed by hand so every entry can be judged before a byte is inflated (names, kinds, declared
// sizes, ratio, overlaps), and entries are read from the file a chunk at a time and inflated with
// fflate's streaming Inflate, counting bytes as they come, so a bomb or a size that lies stops at
// its limit rather than filling memory. Nothing is ever written under an entry's name.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { Inflate } from 'fflate';

export interface ZipLimits {
  maxArchiveBytes: number;
  maxEntries: number;
  maxTotalBytes: number;
  /** Most an entry may unpack to, by its name (the caller knows which kinds it expects). */
  maxEntryBytes(name: string): number;
  /** Uncompressed / compressed, checked for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxNameLength: number;
}

export const BUNDLE_LIMITS: ZipLimits = {
  maxArchiveBytes: 200 * 1024 * 1024,
  maxEntries: 5000,
  maxTotalBytes: 500 * 1024 * 1024,
  maxEntryBytes: (name) =>
    name === 'manifest.json' || name === 'signature.json'
      ? 5 * 1024 * 1024
      : name.startsWith('records/')
        ? 64 * 1024 * 1024
        : 10 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 64 * 1024,
  maxNameLength: 200,
};

/** A refusal naming the entry (when there is one) and the problem; the caller adds the file's name. */
export class BundleProblem extends Error {
  constructor(
    readonly entry: string | null,
    readonly problem: string,
  ) {
    super(entry ? `${entry}: ${problem}` : problem);
    this.name = 'BundleProblem';
  }
}

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const NESTED_ARCHIVE = /\.(zip|gz|tgz|tar|7z|rar|bz2|xz|jar|loadwise-library|loadwise-backup)$/i;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;

function readAt(fd: number, position: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, b, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? b : b.subarray(0, done);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why an entry's name is refused, or null when it is a plain relative name. */
export function nameProblem(name: string, maxLength: number): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.length > maxLength) return `has a name longer than ${maxLength} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has control characters in its name';
  if (name.includes('\\')) return 'has a backslash in its name (a Windows path)';
  if (/^[A-Za-z]:/.test(name)) return 'names a drive letter (an absolute Windows path)';
  if (name.startsWith('/')) return 'has an absolute path';
  if (name.endsWith('/')) return 'is a folder, and bundles hold files only';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the bundle with ".." (path traversal)';
  if (name.split('/').some((part) => part === '.' || part === '')) return 'has an empty or "." part in its path';
  if (NESTED_ARCHIVE.test(name)) return 'is an archive inside the bundle (nested archives are not accepted)';
  return null;
}

export class ZipFile {
  private constructor(
    private readonly fd: number,
    readonly entries: ZipEntry[],
    private readonly limits: ZipLimits,
  ) {}

  /** Opens and checks the archive's structure; throws BundleProblem for anything not accepted. */
  static open(file: string, limits: ZipLimits = BUNDLE_LIMITS): ZipFile {
    const fd = fs.openSync(file, 'r');
    try {
      return new ZipFile(fd, ZipFile.readDirectory(fd, fs.fstatSync(fd).size, limits), limits);
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private static readDirectory(fd: number, fileSize: number, limits: ZipLimits): ZipEntry[] {
    if (fileSize > limits.maxArchiveBytes) {
      throw new BundleProblem(
        null,
        `is ${Math.round(fileSize / 1024 / 1024)} MB; bundles can be up to ${limits.maxArchiveBytes / 1024 / 1024} MB`,
      );
    }
    if (fileSize < 22) throw new BundleProblem(null, 'is not a zip archive (it is too short, or cut short)');
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = readAt(fd, fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new BundleProblem(null, 'is not a zip archive, or it is cut short (no end of archive record)');
    if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR_SIG) throw new BundleProblem(null, 'uses ZIP64, which bundles never need');
    const eocd = tail.subarray(at);
    const disk = eocd.readUInt16LE(4);
    const cdDisk = eocd.readUInt16LE(6);
    const onDisk = eocd.readUInt16LE(8);
    const total = eocd.readUInt16LE(10);
    const cdSize = eocd.readUInt32LE(12);
    const cdOffset = eocd.readUInt32LE(16);
    if (disk !== 0 || cdDisk !== 0 || onDisk !== total)
      throw new BundleProblem(null, 'is split across several files, which is not accepted');
    if (total > limits.maxEntries) throw new BundleProblem(null, `has ${total} entries; bundles can have up to ${limits.maxEntries}`);
    const eocdOffset = fileSize - tailLength + at;
    if (cdOffset + cdSize > eocdOffset) throw new BundleProblem(null, 'is damaged or cut short (its directory points past the end)');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    const seen = new Map<string, string>();
    let pos = 0;
    let declaredTotal = 0;
    for (let i = 0; i < total; i++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CDH_SIG)
        throw new BundleProblem(null, 'is damaged (its directory is not readable)');
      const madeBy = cd.readUInt8(pos + 5);
      const flags = cd.readUInt16LE(pos + 8);
      const method = cd.readUInt16LE(pos + 10);
      const crc = cd.readUInt32LE(pos + 16);
      const compressedSize = cd.readUInt32LE(pos + 20);
      const size = cd.readUInt32LE(pos + 24);
      const nameLength = cd.readUInt16LE(pos + 28);
      const extraLength = cd.readUInt16LE(pos + 30);
      const commentLength = cd.readUInt16LE(pos + 32);
      const externalAttributes = cd.readUInt32LE(pos + 38);
      const localOffset = cd.readUInt32LE(pos + 42);
      const rawName = cd.subarray(pos + 46, pos + 46 + nameLength);
      pos += 46 + nameLength + extraLength + commentLength;
      if (pos > cd.length) throw new BundleProblem(null, 'is damaged (its directory is cut short)');
      let name: string;
      try {
        name = utf8.decode(rawName);
      } catch {
        throw new BundleProblem(`entry ${i + 1}`, 'has a name that is not valid UTF-8');
      }
      const problem = nameProblem(name, limits.maxNameLength);
      if (problem) throw new BundleProblem(name, problem);
      const key = name.normalize('NFC').toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new BundleProblem(
          name,
          earlier === name ? 'appears twice in the bundle' : `is the same name as "${earlier}" after Unicode normalisation or case folding`,
        );
      }
      seen.set(key, name);
      if (flags & 0x41) throw new BundleProblem(name, 'is encrypted, and bundles are never encrypted');
      const unixMode = madeBy === 3 ? externalAttributes >>> 16 : 0;
      if ((unixMode & S_IFMT) === S_IFLNK) throw new BundleProblem(name, 'is a symbolic link, and bundles hold plain files only');
      if (unixMode !== 0 && (unixMode & S_IFMT) !== S_IFREG && (unixMode & S_IFMT) !== 0) {
        throw new BundleProblem(name, 'is not a plain file');
      }
      if (method !== 0 && method !== 8)
        throw new BundleProblem(name, `uses compression method ${method}; only stored and deflated entries are read`);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        throw new BundleProblem(name, 'uses ZIP64 sizes, which bundles never need');
      }
      if (method === 0 && compressedSize !== size) throw new BundleProblem(name, 'declares different stored and unpacked sizes');
      const cap = limits.maxEntryBytes(name);
      if (size > cap) throw new BundleProblem(name, `unpacks to ${size} bytes; this kind of entry can be up to ${cap} bytes`);
      if (size > limits.ratioFloorBytes && size / Math.max(1, compressedSize) > limits.maxRatio) {
        throw new BundleProblem(
          name,
          `is compressed ${Math.round(size / Math.max(1, compressedSize))} to 1, more than ${limits.maxRatio} to 1 (a zip bomb)`,
        );
      }
      declaredTotal += size;
      if (declaredTotal > limits.maxTotalBytes) {
        throw new BundleProblem(name, `brings the bundle past ${limits.maxTotalBytes / 1024 / 1024} MB unpacked`);
      }
      entries.push({ name, method: method as 0 | 8, crc32: crc, compressedSize, size, localOffset });
    }
    // Each entry's bytes must lie before the directory and apart from every other entry's
    // (overlapping entries make a small file unpack many times over).
    const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 0; i < byOffset.length; i++) {
      const e = byOffset[i];
      const header = readAt(fd, e.localOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LFH_SIG) throw new BundleProblem(e.name, 'is damaged (its header is missing)');
      const localName = readAt(fd, e.localOffset + 30, header.readUInt16LE(26));
      if (!localName.equals(Buffer.from(e.name, 'utf8')))
        throw new BundleProblem(e.name, 'has a different name in its own header than in the directory');
      const end = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + e.compressedSize;
      const next = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cdOffset;
      if (end > next) throw new BundleProblem(e.name, 'overlaps another entry, or runs past the end of the archive');
    }
    return entries;
  }

  /**
   * Reads one entry whole (entries are capped, so this stays small), inflating as it streams and
   * stopping as soon as it produces more than it declared. Checks its length and CRC-32.
   */
  read(entry: ZipEntry): Buffer {
    const header = readAt(this.fd, entry.localOffset, 30);
    let position = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const chunks: Buffer[] = [];
    let produced = 0;
    const take = (data: Uint8Array): void => {
      produced += data.length;
      if (produced > entry.size)
        throw new BundleProblem(entry.name, `unpacks to more than the ${entry.size} bytes it declares (a size that lies)`);
      chunks.push(Buffer.from(data));
    };
    const inflate = entry.method === 8 ? new Inflate((data) => take(data)) : null;
    let left = entry.compressedSize;
    try {
      while (left > 0) {
        const chunk = readAt(this.fd, position, Math.min(left, 64 * 1024));
        if (chunk.length === 0) throw new BundleProblem(entry.name, 'is cut short');
        position += chunk.length;
        left -= chunk.length;
        if (inflate) inflate.push(chunk, left === 0);
        else take(chunk);
      }
      if (inflate && entry.compressedSize === 0) inflate.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof BundleProblem) throw err;
      throw new BundleProblem(entry.name, 'is damaged (its compressed data cannot be read)');
    }
    if (produced !== entry.size)
      throw new BundleProblem(entry.name, `unpacks to ${produced} bytes, not the ${entry.size} it declares (a size that lies)`);
    const data = Buffer.concat(chunks);
    if (zlib.crc32(data) >>> 0 !== entry.crc32) throw new BundleProblem(entry.name, 'is damaged (its checksum does not match)');
    return data;
  }
}
