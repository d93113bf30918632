/** One training example: features, label, and how much it counts (default 1). */
export interface LogisticExample {
  readonly x: readonly number[];
  readonly y: 0 | 1;
  readonly weight?: number;
}

/** Settings of {@link fitLogisticRegression}. */
export interface LogisticFitOptions {
  /**
   * L2 penalty on the coefficients (never on the intercept), pulling them toward `prior` (default all 0). Default 1:
   * mild next to hundreds of examples, enough to keep correlated signals from trading huge opposite weights.
   */
  readonly l2?: number;
  /** Coefficients the penalty pulls toward, and the start of the fit. */
  readonly prior?: readonly number[];
  /** Keep the coefficients at `prior` and fit only the intercept (a small calibration set shifts, it does not reshape). */
  readonly interceptOnly?: boolean;
  /** Newton iterations; default 50 (it converges in under 10 on well-posed data). */
  readonly iterations?: number;
}

/**
 * Weighted, L2-regularized logistic regression by Newton's method (iteratively reweighted least squares): the exact
 * maximum of the penalized log-likelihood, deterministic, no learning rate to tune. Small dense problems only (the
 * Hessian is d x d, solved by Gaussian elimination), which is what a calibration model is.
 *
 * @example
 * fitLogisticRegression([{ x: [0.1], y: 0 }, { x: [0.9], y: 1 }, { x: [0.7], y: 1 }, { x: [0.2], y: 0 }]);
 * // { intercept: -1.9, coefficients: [3.8] }
 */
export function fitLogisticRegression(
  examples: readonly LogisticExample[],
  options: LogisticFitOptions = {},
): { readonly intercept: number; readonly coefficients: number[] } {
  const dimensions = examples[0]?.x.length ?? options.prior?.length ?? 0;
  const prior = options.prior ?? new Array<number>(dimensions).fill(0);
  const l2 = options.l2 ?? 1;
  // Parameter vector: [intercept, ...coefficients]; only the free ones move.
  const theta = [0, ...prior];
  const free = options.interceptOnly === true ? [0] : theta.map((_, index) => index);
  /** The penalized log-likelihood the fit maximizes. */
  const objective = (parameters: readonly number[]): number => {
    let total = 0;
    for (const example of examples) {
      let logit = parameters[0]!;
      for (let index = 1; index < parameters.length; index += 1) logit += parameters[index]! * (example.x[index - 1] ?? 0);
      // y*logit - ln(1 + e^logit), computed without overflow.
      total += (example.weight ?? 1) * (example.y * logit - (Math.max(logit, 0) + Math.log1p(Math.exp(-Math.abs(logit)))));
    }
    for (let index = 1; index < parameters.length; index += 1) total -= (l2 / 2) * (parameters[index]! - prior[index - 1]!) ** 2;
    return total;
  };
  for (let iteration = 0; iteration < (options.iterations ?? 50); iteration += 1) {
    const gradient = new Array<number>(free.length).fill(0);
    const hessian = free.map(() => new Array<number>(free.length).fill(0));
    for (const example of examples) {
      const weight = example.weight ?? 1;
      const features = [1, ...example.x];
      let logit = 0;
      for (let index = 0; index < theta.length; index += 1) logit += theta[index]! * (features[index] ?? 0);
      const p = 1 / (1 + Math.exp(-logit));
      const curvature = Math.max(p * (1 - p), 1e-9) * weight;
      for (const [a, i] of free.entries()) {
        gradient[a]! += weight * (example.y - p) * features[i]!;
        for (const [b, j] of free.entries()) hessian[a]![b]! += curvature * features[i]! * features[j]!;
      }
    }
    for (const [a, i] of free.entries()) {
      if (i === 0) continue;
      gradient[a]! -= l2 * (theta[i]! - prior[i - 1]!);
      hessian[a]![a]! += l2;
    }
    const step = solve(hessian, gradient);
    // A full Newton step overshoots when the start is far from the optimum (a prior that puts every logit on one
    // side, as when a tuned model starts from the shipped coefficients with intercept 0) and then diverges: halve it
    // until the penalized log-likelihood does not fall (backtracking), which keeps the method convergent.
    const before = objective(theta);
    const start = [...theta];
    let scale = 1;
    for (let halving = 0; halving < 40; halving += 1) {
      for (const [a, i] of free.entries()) theta[i] = start[i]! + scale * step[a]!;
      if (objective(theta) >= before - 1e-12 * Math.abs(before)) break;
      scale /= 2;
    }
    let largest = 0;
    for (const a of free.keys()) largest = Math.max(largest, Math.abs(scale * step[a]!));
    if (largest < 1e-8) break;
  }
  return { intercept: theta[0]!, coefficients: theta.slice(1) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; a singular direction gets no step. */
function solve(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    const head = rows[column]![column]!;
    if (Math.abs(head) < 1e-12) continue;
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = rows[row]![column]! / head;
      for (let index = column; index <= size; index += 1) rows[row]![index]! -= factor * rows[column]![index]!;
    }
  }
  return rows.map((row, index) => (Math.abs(row[index]!) < 1e-12 ? 0 : row[size]! / row[index]!));
}
