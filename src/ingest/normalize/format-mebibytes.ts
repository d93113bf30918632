/**
 * A byte count as mebibytes with one decimal, the unit every size limit in ingest messages uses.
 *
 * @example
 * formatMebibytes(16 * 1024 * 1024); // '16.0 MiB'
 */
export function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
