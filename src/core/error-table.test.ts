import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { errorTable } from './error-table.js';
import type { ErrorCode } from './errors.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const codes = Object.keys(errorTable) as ErrorCode[];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Lines that only test for a code (a switch, a guard) do not make it live: something must throw or construct it.
const onlyChecks = /isGroundedError\(|\.has\(|[!=]==\s*'[A-Z_]+'|case '[A-Z_]+'/;

describe('errorTable', () => {
  it('has a row for every code, and only INTERNAL exits 3', () => {
    assert.ok(codes.length > 0);
    for (const code of codes) {
      const row = errorTable[code];
      assert.ok([1, 2, 3].includes(row.exit), code);
      assert.ok(row.httpStatus >= 400 && row.httpStatus <= 599, code);
      assert.ok(row.meaning.length > 0, code);
    }
    assert.deepEqual(codes.filter((code) => errorTable[code].exit === 3), ['INTERNAL']);
  });

  it('marks retryable only what a later, unchanged call can get past (busy, rate limits, outages, timeouts, races)', () => {
    const retryable = codes.filter((code) => errorTable[code].retryable).sort();
    assert.deepEqual(retryable, ['KEY_TAKEN', 'PROVIDER_RATE_LIMITED', 'PROVIDER_TIMEOUT', 'PROVIDER_UNAVAILABLE', 'STORE_BUSY']);
  });

  it('has no dead code: every code is thrown or constructed somewhere in src outside core/errors', () => {
    const files = sourceFiles(join(root, 'src')).filter((path) => !/core[/\\](errors|error-table)\.ts$/.test(path));
    const lines = files.flatMap((path) => readFileSync(path, 'utf8').split('\n')).filter((line) => !onlyChecks.test(line));
    const dead = codes.filter((code) => !lines.some((line) => line.includes(`'${code}'`)));
    assert.deepEqual(dead, [], 'codes nothing throws: remove them from ErrorCode and the table, or throw them where they belong');
  });

  it('is shown row for row in docs/errors.md', () => {
    const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
    const rows = new Map(
      doc
        .split('\n')
        .filter((line) => /^\| `[A-Z_]+` \|/.test(line))
        .map((line) => {
          const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
          return [cells[0]?.replaceAll('`', '') ?? '', cells.slice(1)] as const;
        }),
    );
    assert.deepEqual([...rows.keys()], codes, 'docs/errors.md lists the codes in the order of the table');
    for (const code of codes) {
      const { exit, httpStatus, retryable, meaning } = errorTable[code];
      assert.deepEqual(rows.get(code), [String(exit), String(httpStatus), retryable ? 'yes' : 'no', meaning], code);
    }
  });
});
