/**
 * The identity of a tracked source: its root and relative path joined by a NUL (which no path contains).
 *
 * @example
 * sourceId('/data/docs', 'guide.md'); // '/data/docs\u0000guide.md'
 */
export const sourceId = (root: string, path: string): string => `${root}\u0000${path}`;
