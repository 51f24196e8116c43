export function zipEntrySize(zipPath: string, name: string): number | undefined;
export function readZipEntry(zipPath: string, name: string): Buffer;
