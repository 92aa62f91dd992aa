// A fast ustar header for the common entry (short ASCII path and link, small size): byte for byte what the `tar`
// package's Header writes for the same fields (test/unit/infra/pack/ustar.test.ts checks it), at a fraction of the
// cost for 10,000 files. Anything else (long or non-ASCII names, huge files) goes through `tar`'s Header and Pax.
import { Header } from 'tar/header';
import { Pax } from 'tar/pax';

export interface EntryFields {
  path: string;
  mode: number;
  size: number;
  mtime: Date;
  type: 'File' | 'SymbolicLink';
  linkpath?: string;
}

const ASCII = /^[\x20-\x7e]*$/;
const MAX_SIZE = 0o77777777777; // 11 octal digits

/** Whether the entry fits one plain ustar block (short ASCII path and link, size and time in range). */
function fitsFast(f: EntryFields): boolean {
  return f.path.length < 100 && ASCII.test(f.path) && (f.linkpath === undefined || (f.linkpath.length <= 100 && ASCII.test(f.linkpath)))
    && f.size <= MAX_SIZE && f.mtime.getTime() >= 0;
}

/** Header block(s) for one entry: one 512-byte ustar block, or a pax header and the block. */
export function headerBlocks(f: EntryFields): Buffer[] {
  if (fitsFast(f)) {
    const b = Buffer.allocUnsafe(512);
    writeFastHeader(b, 0, f);
    return [b];
  }
  const data = { path: f.path, mode: f.mode, uid: 0, gid: 0, size: f.size, mtime: f.mtime, type: f.type, linkpath: f.linkpath, uname: '', gname: '' };
  const h = new Header(data);
  const needPax = h.encode();
  return needPax ? [new Pax({ path: f.path, linkpath: f.linkpath, mtime: f.mtime }).encode(), h.block!] : [h.block!];
}

/**
 * Writes the entry's one-block header at `buf[at..at+512)` when it fits the fast path (see headerBlocks); false
 * (nothing written) otherwise. For the packer, which builds its output in large buffers without a Buffer per file.
 */
export function writeHeaderAt(buf: Buffer, at: number, f: EntryFields): boolean {
  if (!fitsFast(f)) return false;
  writeFastHeader(buf, at, f);
  return true;
}

/** An octal field as tar writes it: zero-padded digits, then a space and NUL (or just NUL when the digits fill it). */
function octal(num: number, size: number): string {
  const s = Math.floor(num).toString(8);
  return s.length === size - 1 ? `${s}\0` : `${'0'.repeat(size - s.length - 2)}${s} \0`;
}

/** The fields every header shares (uid, gid, magic and version, devmajor, devminor), and the checksum field's spaces. */
const TEMPLATE = (() => {
  const b = Buffer.alloc(512);
  b.write(octal(0, 8), 108, 8, 'ascii');
  b.write(octal(0, 8), 116, 8, 'ascii');
  b.write('ustar\u000000', 257, 8, 'ascii');
  b.write(octal(0, 8), 329, 8, 'ascii'); // devmajor
  b.write(octal(0, 8), 337, 8, 'ascii'); // devminor
  return b;
})();
/** The template's byte sum, counting the checksum field as eight spaces. */
const TEMPLATE_SUM = (() => {
  let sum = 8 * 0x20;
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += TEMPLATE[i];
  return sum;
})();

const modeCache = new Map<number, string>();

function writeFastHeader(b: Buffer, at: number, f: EntryFields): void {
  TEMPLATE.copy(b, at);
  // Only what differs from the template adds to the checksum: the bytes written below.
  let sum = TEMPLATE_SUM;
  sum += writeAscii(b, at, f.path);
  let mode = modeCache.get(f.mode);
  if (mode === undefined) modeCache.set(f.mode, (mode = octal(f.mode, 8)));
  sum += writeAscii(b, at + 100, mode);
  sum += writeAscii(b, at + 124, octal(f.size, 12));
  sum += writeAscii(b, at + 136, octal(f.mtime.getTime() / 1000, 12));
  const type = f.type === 'File' ? 0x30 : 0x32;
  b[at + 156] = type;
  sum += type;
  if (f.linkpath) sum += writeAscii(b, at + 157, f.linkpath);
  b.write(octal(sum, 8), at + 148, 8, 'ascii');
}

/** Writes printable ASCII at `at`; returns the sum of its bytes. */
function writeAscii(b: Buffer, at: number, s: string): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    b[at + i] = c;
    sum += c;
  }
  return sum;
}
