/** A value axis from 0: its upper bound, the distance between ticks, and the tick values. */
export interface NiceAxis {
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/**
 * Picks a readable axis from 0 to at least `maxValue`: the tick step is 1, 2 or 5 times a power of ten, chosen so
 * there are at most `tickCount` intervals (default 5). With `integer` (for counts) the step is at least 1.
 * A non-positive or non-finite `maxValue` gives the axis 0..1.
 *
 * @example
 * niceAxis(0.83);  // { max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] }
 * niceAxis(37);    // { max: 40, step: 10, ticks: [0, 10, 20, 30, 40] }
 */
export function niceAxis(maxValue: number, tickCount = 5, integer = false): NiceAxis {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  const raw = top / Math.max(1, tickCount);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const multiplier = [1, 2, 5, 10].find((candidate) => candidate * magnitude >= raw * (1 - 1e-9)) ?? 10;
  const step = integer ? Math.max(1, Math.round(multiplier * magnitude)) : multiplier * magnitude;
  const intervals = Math.max(1, Math.ceil(top / step - 1e-9));
  // Rounding keeps 0.1 * 3 from showing as 0.30000000000000004 in tick labels.
  const ticks = Array.from({ length: intervals + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1] ?? step, step, ticks };
}
