import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { escapeHtml } from './escape-html.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('leaves other text, including non-ASCII, as it is', () => {
    assert.equal(escapeHtml('Grüße — 90 days [1]'), 'Grüße — 90 days [1]');
  });
  it('does not double-escape when applied once to text that looks escaped', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  });
  it('keeps a script tag as text in content and in attributes once parsed', () => {
    const hostile = `"><script>alert('x')</script>`;
    const { document } = parseHTML(`<html><body><p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</p></body></html>`);
    assert.equal(document.querySelectorAll('script').length, 0);
    const paragraph = document.querySelector('p');
    assert.equal(paragraph?.textContent, hostile);
    assert.equal(paragraph?.getAttribute('title'), hostile);
  });
});
