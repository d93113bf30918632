import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The byte patterns a leaked key would leave: the key itself, as UTF-8, UTF-16LE and base64, and each half of its
 * random part (a masked or cut-off copy), as UTF-8 and UTF-16LE. The random part is long enough that no half occurs
 * by chance in a few megabytes.
 */
function secretPatterns(secret: string): { name: string; bytes: Buffer }[] {
  const random = secret.slice(secret.lastIndexOf('-') + 1);
  const half = Math.ceil(random.length / 2);
  const texts = [secret, random.slice(0, half), random.slice(half)];
  return [
    ...texts.flatMap((text, index) => [
      { name: `part ${index} as UTF-8`, bytes: Buffer.from(text, 'utf8') },
      { name: `part ${index} as UTF-16LE`, bytes: Buffer.from(text, 'utf16le') },
    ]),
    { name: 'key as base64', bytes: Buffer.from(Buffer.from(secret).toString('base64')) },
  ];
}

/** Where `secret` occurs in the given texts or bytes: one line per hit (`label: pattern`), empty when nowhere. */
export function findSecret(secret: string, haystacks: readonly { label: string; content: string | Buffer }[]): string[] {
  const patterns = secretPatterns(secret);
  const hits: string[] = [];
  for (const { label, content } of haystacks) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (const pattern of patterns) if (bytes.includes(pattern.bytes)) hits.push(`${label}: ${pattern.name}`);
  }
  return hits;
}

/** Every file under `folder`, recursively, read as bytes (SQLite database, -wal and -shm files, vector indexes, ...). */
export function filesUnder(folder: string): { label: string; content: Buffer }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => ({ label: file, content: readFileSync(file) }));
}
