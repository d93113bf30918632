import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { renderSvgHistogram } from './render-svg-histogram.js';

const parse = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;
const countsOf = (document: ReturnType<typeof parse>, series: number): number[] =>
  [...document.querySelectorAll(`rect.bar[data-series="${series}"]`)].map((bar) => Number(bar.getAttribute('data-value')));
const binLabels = (document: ReturnType<typeof parse>): string[] =>
  [...document.querySelectorAll('text.x-tick')].map((text) => text.textContent ?? '');

describe('renderSvgHistogram', () => {
  it('counts values into shared nice bins from 0', () => {
    const svg = renderSvgHistogram({
      id: 'latency',
      title: 'Latency',
      xLabel: 'total latency',
      unit: 'ms',
      maxBins: 4,
      series: [
        { label: 'lexical', values: [1, 4, 6, 19] },
        { label: 'hybrid', values: [12, 14, 20] },
      ],
    });
    const document = parse(svg);
    assert.deepEqual(binLabels(document), ['0–5 ms', '5–10 ms', '10–15 ms', '15–20 ms']);
    assert.deepEqual(countsOf(document, 0), [2, 1, 0, 1]);
    // 20 is the largest value: it falls in the last bin, not past it
    assert.deepEqual(countsOf(document, 1), [0, 0, 2, 1]);
    assert.equal(document.querySelector('.y-label')?.textContent, 'cases');
  });
  it('puts a value on a bin edge into the upper bin and leaves empty bins unlabelled', () => {
    const document = parse(renderSvgHistogram({ id: 'h', title: 'h', xLabel: 'x', maxBins: 2, series: [{ label: 'a', values: [0, 5, 10] }] }));
    assert.deepEqual(binLabels(document), ['0–5', '5–10']);
    assert.deepEqual(countsOf(document, 0), [1, 2]);
    const empty = parse(renderSvgHistogram({ id: 'h', title: 'h', xLabel: 'x', maxBins: 4, series: [{ label: 'a', values: [0.5, 3.9] }] }));
    assert.deepEqual(countsOf(empty, 0), [1, 0, 0, 1]);
    assert.deepEqual([...empty.querySelectorAll('text.value')].map((text) => text.textContent), ['1', '1']);
  });
  it('draws a single bin when no value is above 0', () => {
    const none = parse(renderSvgHistogram({ id: 'h', title: 'h', xLabel: 'x', series: [{ label: 'a', values: [] }] }));
    assert.deepEqual(binLabels(none), ['0–1']);
    assert.deepEqual(countsOf(none, 0), [0]);
    const zeros = parse(renderSvgHistogram({ id: 'h', title: 'h', xLabel: 'x', series: [{ label: 'a', values: [0, 0] }] }));
    assert.deepEqual(countsOf(zeros, 0), [2]);
  });
});
