import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { renderSvgBarChart } from './render-svg-bar-chart.js';

const parse = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;

const chart = {
  id: 'failures',
  title: 'Failure attribution',
  categories: ['retrieval-miss', 'answered-unanswerable', 'ok'],
  series: [
    { label: 'lexical', values: [4, 0, 2] },
    { label: 'hybrid', values: [1, 3, 2] },
  ],
  xLabel: 'failure kind',
  yLabel: 'cases',
  integer: true,
};

describe('renderSvgBarChart', () => {
  it('draws one bar per category and series, with its value', () => {
    const document = parse(renderSvgBarChart(chart));
    const bars = [...document.querySelectorAll('rect.bar')];
    assert.equal(bars.length, 6);
    assert.deepEqual(bars.map((bar) => bar.getAttribute('data-value')), ['4', '1', '0', '3', '2', '2']);
    assert.deepEqual([...document.querySelectorAll('text.value')].map((text) => text.textContent), ['4', '1', '0', '3', '2', '2']);
    assert.equal(document.querySelector('svg')?.getAttribute('data-chart'), 'failures');
  });
  it('scales bar heights to the value axis', () => {
    const document = parse(renderSvgBarChart(chart));
    const heights = [...document.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('height')));
    // axis 0..4: the bar of 4 spans the plot, the bar of 2 half of it, 0 is flat
    assert.equal(heights[5], heights[0]! / 2);
    assert.equal(heights[2], 0);
    assert.ok(heights[0]! > 100);
  });
  it('labels the axes, ticks, legend and categories, splitting long names', () => {
    const document = parse(renderSvgBarChart(chart));
    assert.equal(document.querySelector('.x-label')?.textContent, 'failure kind');
    assert.equal(document.querySelector('.y-label')?.textContent, 'cases');
    assert.deepEqual([...document.querySelectorAll('.y-tick')].map((tick) => tick.textContent), ['0', '1', '2', '3', '4']);
    assert.deepEqual([...document.querySelectorAll('.legend-item text')].map((text) => text.textContent), ['lexical', 'hybrid']);
    const labels = [...document.querySelectorAll('text.x-tick')].map((text) => [...text.querySelectorAll('tspan')].map((span) => span.textContent));
    assert.deepEqual(labels, [['retrieval-', 'miss'], ['answered-', 'unanswerable'], ['ok']]);
  });
  it('can leave zero values unlabelled and honours a fixed axis and format', () => {
    const svg = renderSvgBarChart({ ...chart, yMax: 10, labelZeros: false, format: (value) => `${value}x` });
    const document = parse(svg);
    assert.deepEqual([...document.querySelectorAll('text.value')].map((text) => text.textContent), ['4x', '1x', '3x', '2x', '2x']);
    assert.equal([...document.querySelectorAll('.y-tick')].at(-1)?.textContent, '10x');
  });
  it('escapes labels', () => {
    const svg = renderSvgBarChart({ ...chart, categories: ['<b>bold</b>'], series: [{ label: '<script>x</script>', values: [1] }] });
    assert.ok(!svg.includes('<script>') && !svg.includes('<b>'));
    assert.equal(parse(svg).querySelector('.legend-item text')?.textContent, '<script>x</script>');
  });
});
