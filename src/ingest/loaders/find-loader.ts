import type { DocumentLoader } from '../../core/document-loader.js';

/**
 * True when `path` names a gzip file (ends in `.gz`, any case); its bytes must be gunzipped before loading.
 *
 * @example
 * isGzipPath('beir/corpus.jsonl.gz'); // true
 */
export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

/**
 * The loader for a file, chosen by its lower-case name ending with a trailing `.gz` ignored (so
 * `corpus.jsonl.gz` finds the JSON Lines loader). The longest matching extension wins, then the earlier
 * loader. `undefined` when no loader takes the file.
 *
 * @example
 * const loader = findLoader(createDefaultLoaders(), 'docs/Guide.MD'); // the Markdown loader
 */
export function findLoader(loaders: readonly DocumentLoader[], relativePath: string): DocumentLoader | undefined {
  const baseName = relativePath.slice(relativePath.lastIndexOf('/') + 1).toLowerCase();
  const name = isGzipPath(baseName) ? baseName.slice(0, -'.gz'.length) : baseName;
  let best: DocumentLoader | undefined;
  let bestLength = 0;
  for (const loader of loaders) {
    for (const extension of loader.extensions) {
      // Longer than the extension itself: a file named just `.md` has no extension, it is a hidden file.
      if (extension.length > bestLength && name.length > extension.length && name.endsWith(extension.toLowerCase())) {
        best = loader;
        bestLength = extension.length;
      }
    }
  }
  return best;
}
