/**
 * Default abstention threshold of the extractive answerer: abstain when less than this share of the question's
 * idf-weighted content terms is found in one of the top passages.
 *
 * Calibrated on data, not picked by hand: `npm run calibrate` (scripts/calibrate-abstention.ts) sweeps the threshold
 * over a calibration set and picks the one with the best abstention F1; the method and figures are in
 * docs/abstention.md. Re-run it and update this value when the evidence measure changes.
 */
export const defaultMinConfidence = 0.55;
