/**
 * A small DER encoder and reader: enough ASN.1 to build the X.509 certificates and private keys
 * sprig's crypto functions return (node:crypto signs, but cannot build certificates), and to
 * read back a certificate's subject and key identifier.
 */

export type Der = Uint8Array;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, content: Uint8Array): Der {
  const len = lengthBytes(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const sequence = (...items: Der[]): Der => tlv(0x30, concat(items));
export const set = (...items: Der[]): Der => tlv(0x31, concat(items));
export const nul = (): Der => tlv(0x05, new Uint8Array());
export const octetString = (bytes: Uint8Array): Der => tlv(0x04, bytes);
export const boolean = (v: boolean): Der => tlv(0x01, Uint8Array.of(v ? 0xff : 0));
/** `[n] EXPLICIT`. */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner);
/** `[n] IMPLICIT` of a primitive value. */
export const implicit = (n: number, bytes: Uint8Array): Der => tlv(0x80 | n, bytes);

/** A non-negative INTEGER in its shortest two's-complement form. */
export function integer(n: bigint): Der {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] as number) & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted: string): Der {
  const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const out = [a * 40 + b];
  for (const arc of rest) {
    const base128: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) base128.unshift(0x80 | (v & 0x7f));
    out.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** A BIT STRING of whole bytes, or with `bitLength` bits (trailing unused bits in the last byte). */
export function bitString(bytes: Uint8Array, bitLength = bytes.length * 8): Der {
  const unused = bytes.length * 8 - bitLength;
  return tlv(0x03, concat([Uint8Array.of(unused), bytes]));
}

/** Go's asn1 string choice: PrintableString when every character allows it, else UTF8String. */
export function goString(s: string): Der {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, Buffer.from(s, 'utf8'));
}

/** Go's asn1 time: UTCTime for 1950–2049, GeneralizedTime otherwise; whole seconds, UTC. */
export function time(date: Date): Der {
  const iso = date.toISOString();
  const year = date.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  if (year >= 1950 && year < 2050) return tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'latin1'));
  return tlv(0x18, Buffer.from(`${digits}Z`, 'latin1'));
}

/** One element read back: its tag, its content and its whole encoding. */
export interface Element {
  readonly tag: number;
  readonly content: Uint8Array;
  readonly raw: Uint8Array;
}

/** Reads the element at `at`; throws on truncated or indefinite-length input. */
export function readElement(der: Uint8Array, at = 0): Element {
  const tag = der[at];
  let len = der[at + 1];
  if (tag === undefined || len === undefined) throw new Error('truncated DER');
  let head = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (der[at + 2 + i] ?? 0);
    head += n;
  }
  const end = at + head + len;
  if (end > der.length) throw new Error('truncated DER');
  return { tag, content: der.subarray(at + head, end), raw: der.subarray(at, end) };
}

/** The elements inside a constructed element's content. */
export function children(content: Uint8Array): Element[] {
  const out: Element[] = [];
  for (let at = 0; at < content.length;) {
    const e = readElement(content, at);
    out.push(e);
    at += e.raw.length;
  }
  return out;
}

/** An OBJECT IDENTIFIER's content in dotted form. */
export function readOid(content: Uint8Array): string {
  const first = content[0] ?? 0;
  const arcs = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  return arcs.join('.');
}

/** PEM armour with 64-character lines, as Go's pem.Encode writes it. */
export function pem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.map((l) => `${l}\n`).join('')}-----END ${type}-----\n`;
}

/** The first PEM block of `text`, as Go's pem.Decode finds it, or undefined. */
export function decodePem(text: string): { type: string; der: Uint8Array } | undefined {
  const m = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  const body = (m[2] ?? '').replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) return undefined;
  return { type: m[1] ?? '', der: Buffer.from(body, 'base64') };
}
