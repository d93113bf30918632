import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { renderSvgLineChart } from './render-svg-line-chart.js';

const parse = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;

const chart = {
  id: 'recall-at-k',
  title: 'Recall@k',
  xValues: [1, 5, 10],
  series: [
    { label: 'lexical', values: [0.25, 0.5, 1] },
    { label: 'hybrid', values: [0.5, 0.75, 1] },
  ],
  xLabel: 'k',
  yLabel: 'recall',
  yMax: 1,
  format: (value: number) => `${Math.round(value * 100)}%`,
};

describe('renderSvgLineChart', () => {
  it('draws one line per series and one point per x value', () => {
    const document = parse(renderSvgLineChart(chart));
    assert.equal(document.querySelectorAll('polyline.line').length, 2);
    const points = [...document.querySelectorAll('circle.point')];
    assert.equal(points.length, 6);
    assert.deepEqual(points.map((point) => point.getAttribute('data-x')), ['1', '5', '10', '1', '5', '10']);
    assert.deepEqual([...document.querySelectorAll('text.value')].map((text) => text.textContent), ['25%', '50%', '100%', '50%', '75%', '100%']);
  });
  it('places points by value: higher values higher, x proportional to the x value', () => {
    const document = parse(renderSvgLineChart(chart));
    const points = [...document.querySelectorAll('circle.point')].map((point) => ({
      x: Number(point.getAttribute('cx')),
      y: Number(point.getAttribute('cy')),
    }));
    const [first, middle, last] = points;
    assert.ok(first!.y > middle!.y && middle!.y > last!.y, 'rising recall draws upward');
    // x = 1, 5, 10: the gap from 1 to 5 is 4/9 of the whole span
    assert.ok(Math.abs((middle!.x - first!.x) / (last!.x - first!.x) - 4 / 9) < 0.01);
    assert.equal(points[2]!.y, points[5]!.y, 'equal values sit at equal heights');
  });
  it('labels axes and x ticks', () => {
    const document = parse(renderSvgLineChart(chart));
    assert.equal(document.querySelector('.x-label')?.textContent, 'k');
    assert.equal(document.querySelector('.y-label')?.textContent, 'recall');
    assert.deepEqual([...document.querySelectorAll('text.x-tick')].map((text) => text.textContent), ['1', '5', '10']);
    assert.equal([...document.querySelectorAll('.y-tick')].at(-1)?.textContent, '100%');
  });
  it('centres a single x value', () => {
    const document = parse(renderSvgLineChart({ ...chart, xValues: [5], series: [{ label: 'only', values: [0.5] }] }));
    assert.equal(document.querySelectorAll('circle.point').length, 1);
    assert.ok(Number.isFinite(Number(document.querySelector('circle.point')?.getAttribute('cx'))));
  });
});

describe('renderSvgLineChart value labels', () => {
  it('puts the higher run label above its point and the lower run label below', () => {
    const document = parse(renderSvgLineChart({ ...chart, xValues: [1], series: [
      { label: 'low', values: [0.3] },
      { label: 'high', values: [0.4] },
    ] }));
    const points = [...document.querySelectorAll('circle.point')].map((point) => Number(point.getAttribute('cy')));
    const labels = [...document.querySelectorAll('text.value')].map((text) => Number(text.getAttribute('y')));
    assert.ok(labels[0]! > points[0]!, 'the lower run is labelled below');
    assert.ok(labels[1]! < points[1]!, 'the higher run is labelled above');
  });
});
