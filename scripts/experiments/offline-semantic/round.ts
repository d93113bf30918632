/** A figure rounded to four decimals for the results file. */
export const round = (value: number): number => Number(value.toFixed(4));
