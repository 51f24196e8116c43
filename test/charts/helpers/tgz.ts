/** Tiny chart archives for tests: a ustar stream of regular files, gzipped. */
import { gzipSync } from 'node:zlib';

function header(path: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(path, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.fill(' ', 148, 156);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

export function tarGz(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  for (const [path, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    parts.push(header(path, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}

/** A minimal valid chart `name` at `version`. */
export function chartTgz(name: string, version: string, top = name): Uint8Array {
  return tarGz({
    [`${top}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: ${version}\n`,
    [`${top}/values.yaml`]: 'replicas: 1\n',
    [`${top}/templates/cm.yaml`]: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
  });
}
