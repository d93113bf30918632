import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The layer rules of docs/architecture.md, held by a machine: each layer lists what it may import.
const allowed: Record<string, readonly string[]> = {
  core: [],
  config: ['core'],
  providers: ['core'],
  ingest: ['core'],
  indexing: ['core'],
  testing: ['core'],
  retrieve: ['core'],
  answer: ['core', 'retrieve'],
  eval: ['core'],
  advise: ['core', 'eval'],
  tune: ['core', 'eval'],
  app: ['core', 'config', 'providers', 'ingest', 'indexing', 'retrieve', 'answer', 'eval', 'advise', 'tune'],
  server: ['app', 'core', 'config'],
  cli: ['app', 'core', 'config'],
};

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

const layerOf = (file: string): string => relative(srcDir, file).split(/[\\/]/)[0] ?? '';
const files = sourceFiles(srcDir);

describe('architecture', () => {
  it('every source file sits in a known layer', () => {
    for (const file of files) {
      const layer = layerOf(file);
      if (layer.endsWith('.ts')) continue; // src/index.ts, the public barrel
      assert.ok(layer in allowed, `${relative(srcDir, file)} is in unknown layer '${layer}'`);
    }
  });

  it('imports point only at allowed layers', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const permitted = allowed[from];
      if (permitted === undefined) continue;
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to !== from && !permitted.includes(to)) violations.push(`${relative(srcDir, file)} -> ${relative(srcDir, target)}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(srcDir, f)).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it('core imports nothing outside core', () => {
    const outside = files
      .filter((file) => layerOf(file) === 'core')
      .flatMap((file) => importsOf(file).filter((target) => layerOf(target) !== 'core'));
    assert.deepEqual(outside, []);
  });
});
