// Tableau 10: distinguishable, and readable for the common kinds of colour blindness.
const palette = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/**
 * The colour of the `index`-th series (a run) in every chart and table of a report; wraps after ten.
 *
 * @example
 * seriesColor(0); // '#4e79a7'
 */
export function seriesColor(index: number): string {
  return palette[((index % palette.length) + palette.length) % palette.length] ?? '#4e79a7';
}
