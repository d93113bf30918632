import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { defaultChartLayout } from './render-chart-axes.js';
import { renderSvgXyChart } from './render-svg-xy-chart.js';

const parse = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;

const chart = {
  id: 'reliability',
  title: 'Reliability',
  series: [
    { label: 'lexical', points: [{ x: 0.1, y: 0.2 }, { x: 0.5, y: 0.5, data: { count: 7 }, title: 'bin 0.5' }, { x: 0.9, y: 1 }] },
    { label: 'hybrid', points: [{ x: 0.3, y: 0.1, radius: 7 }] },
  ],
  xLabel: 'predicted',
  yLabel: 'observed',
  diagonal: 'perfect calibration',
};

describe('renderSvgXyChart', () => {
  it('draws a line through each series with more than one point, and one point per (x, y)', () => {
    const document = parse(renderSvgXyChart(chart));
    assert.equal(document.querySelectorAll('polyline.line').length, 1);
    const points = [...document.querySelectorAll('circle.point')];
    assert.deepEqual(points.map((point) => [point.getAttribute('data-series'), point.getAttribute('data-x'), point.getAttribute('data-y')]), [
      ['0', '0.1', '0.2'], ['0', '0.5', '0.5'], ['0', '0.9', '1'], ['1', '0.3', '0.1'],
    ]);
    assert.equal(points[1]?.getAttribute('data-count'), '7');
    assert.equal(points[1]?.querySelector('title')?.textContent, 'bin 0.5');
    assert.equal(points[3]?.getAttribute('r'), '7');
  });

  it('places points proportionally on both axes from 0 to 1', () => {
    const document = parse(renderSvgXyChart(chart));
    const { left, right, top, bottom, width, height } = defaultChartLayout;
    const middle = document.querySelectorAll('circle.point')[1];
    assert.equal(Number(middle?.getAttribute('cx')), Number((left + 0.5 * (width - right - left)).toFixed(1)));
    assert.equal(Number(middle?.getAttribute('cy')), Number((height - bottom - 0.5 * (height - bottom - top)).toFixed(1)));
  });

  it('draws the y = x diagonal from the origin to the top right, labelled, only when asked', () => {
    const document = parse(renderSvgXyChart(chart));
    const diagonal = document.querySelector('line.diagonal');
    const { left, right, top, bottom, width, height } = defaultChartLayout;
    assert.deepEqual(['x1', 'y1', 'x2', 'y2'].map((name) => Number(diagonal?.getAttribute(name))), [left, height - bottom, width - right, top]);
    assert.equal(document.querySelector('.diagonal-label')?.textContent, 'perfect calibration');
    assert.equal(parse(renderSvgXyChart({ ...chart, diagonal: undefined })).querySelector('line.diagonal'), null);
  });

  it('has a title, axis labels and x ticks', () => {
    const document = parse(renderSvgXyChart({ ...chart, format: (value) => `${Math.round(value * 100)}%` }));
    assert.equal(document.querySelector('svg > title')?.textContent, 'Reliability');
    assert.equal(document.querySelector('.chart-title')?.textContent, 'Reliability');
    assert.equal(document.querySelector('.x-label')?.textContent, 'predicted');
    assert.equal(document.querySelector('.y-label')?.textContent, 'observed');
    assert.deepEqual([...document.querySelectorAll('text.x-tick')].map((text) => text.textContent), ['0%', '20%', '40%', '60%', '80%', '100%']);
  });
});
