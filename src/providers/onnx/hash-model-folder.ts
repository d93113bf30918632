import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { GroundedError } from '../../core/errors.js';
import type { OnnxModelLocation } from './locate-onnx-model.js';

/**
 * SHA-256 (hex) of what shapes a local model's outputs: `model.onnx`, `tokenizer.json`, `config.json` and
 * `tokenizer_config.json` when present, each preceded by its name. Read in 1 MiB pieces, synchronously, because an
 * embedder's `id` is a plain property; a 500 MB model takes about a second, once per process.
 *
 * @example
 * hashModelFolder(locateOnnxModel('models/bge-small-en-v1.5')); // '3f2a…'
 */
export function hashModelFolder(location: OnnxModelLocation): string {
  const hash = createHash('sha256');
  const files = [location.modelFile, `${location.folder}/tokenizer.json`, `${location.folder}/config.json`, location.tokenizerConfigFile];
  const buffer = Buffer.alloc(1 << 20);
  for (const file of files) {
    if (file === undefined) continue;
    hash.update(`\n${file.slice(location.folder.length)}\n`);
    let descriptor: number | undefined;
    try {
      descriptor = openSync(file, 'r');
      for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) hash.update(buffer.subarray(0, read));
    } catch (error) {
      throw new GroundedError('MODEL_INVALID', `could not read '${file}'`, { details: { folder: location.folder }, hint: 'check the model folder permissions', cause: error });
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  }
  return hash.digest('hex');
}
