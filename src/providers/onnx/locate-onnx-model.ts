import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GroundedError } from '../../core/errors.js';

/** Where the files of a local model folder are, as found by {@link locateOnnxModel}. */
export interface OnnxModelLocation {
  /** Absolute folder path (transformers.js reads an absolute path as a folder, never as a Hub model id). */
  readonly folder: string;
  /** Absolute path of `model.onnx`. */
  readonly modelFile: string;
  /** `''` when `model.onnx` sits at the root, `'onnx'` for the Hugging Face export layout. */
  readonly subfolder: '' | 'onnx';
  /** Absolute path of `tokenizer_config.json`, or undefined when the folder has none. */
  readonly tokenizerConfigFile: string | undefined;
}

/**
 * Checks that `folder` is a model folder (a sentence-transformers or Hugging Face ONNX export): `model.onnx` at the
 * root or in `onnx/`, `tokenizer.json`, `config.json`, and optionally `tokenizer_config.json`. Throws `MODEL_INVALID`
 * naming the missing piece, with a one-line hint.
 *
 * @example
 * const { modelFile, subfolder } = locateOnnxModel('models/bge-small-en-v1.5');
 */
export function locateOnnxModel(folder: string): OnnxModelLocation {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw invalid(root, `the model folder '${root}' does not exist`, 'point modelPath at a folder holding model.onnx, tokenizer.json and config.json');
  }
  const subfolder = existsSync(join(root, 'model.onnx')) ? '' : existsSync(join(root, 'onnx', 'model.onnx')) ? 'onnx' : undefined;
  if (subfolder === undefined) {
    throw invalid(root, `the model folder '${root}' has no model.onnx (looked at the root and in onnx/)`, 'export the model to ONNX (e.g. optimum-cli export onnx) or copy model.onnx into the folder');
  }
  for (const name of ['tokenizer.json', 'config.json']) {
    if (!existsSync(join(root, name))) {
      throw invalid(root, `the model folder '${root}' has no ${name}`, `copy ${name} from the model's Hugging Face repository into the folder`);
    }
  }
  const tokenizerConfigFile = join(root, 'tokenizer_config.json');
  return {
    folder: root,
    modelFile: join(root, subfolder, 'model.onnx'),
    subfolder,
    tokenizerConfigFile: existsSync(tokenizerConfigFile) ? tokenizerConfigFile : undefined,
  };
}

function invalid(folder: string, message: string, hint: string): GroundedError {
  return new GroundedError('MODEL_INVALID', message, { details: { folder }, hint });
}
