import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlLoader } from './html-loader.js';
import { isGroundedError } from '../../core/errors.js';

const input = (html: string, relativePath = 'site/page.html') => ({ relativePath, bytes: new TextEncoder().encode(html) });

const paragraph = (topic: string): string =>
  `<p>The ${topic} setting controls how the widget behaves under load. It is read once at start-up, ` +
  `so changing it needs a restart, and every value is checked against the schema before use.</p>`;

const articlePage = `<!doctype html><html lang="en"><head><title>Configuring the widget | ACME Docs</title>
<meta name="author" content="Ada Lovelace"></head><body>
<header><div class="logo">ACME Corp</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/pricing">Pricing plans</a></li><li><a href="/blog">Company blog</a></li></ul></nav>
</header>
<div class="layout">
<aside class="sidebar"><h3>Related posts</h3><ul><li><a href="/x">Ten sidebar tips</a></li><li><a href="/y">Another sidebar link</a></li></ul></aside>
<main><article>
<h1>Configuring the widget</h1>
${paragraph('general')}
<h2>Installation</h2>
${paragraph('install')}
<pre><code class="language-sh">npm install widget</code></pre>
<h2>Options</h2>
${paragraph('timeout')}
<h3>Advanced tuning</h3>
${paragraph('retry')}
</article></main>
</div>
<footer><p>Copyright 2024 ACME footer notice</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

function assertNoChrome(text: string): void {
  for (const chrome of ['Pricing plans', 'Company blog', 'Ten sidebar tips', 'footer notice', 'Privacy policy', 'ACME Corp']) {
    assert.ok(!text.includes(chrome), `'${chrome}' should not be in the text:\n${text}`);
  }
}

test('keeps the article of a full page and leaves navigation, sidebar and footer out', async () => {
  const { documents, problems } = await htmlLoader.load(input(articlePage));
  assert.deepEqual(problems, []);
  const [document] = documents;
  assert.ok(document);
  assert.equal(document.key, 'site/page.html');
  assertNoChrome(document.text);
  assert.match(document.text, /The retry setting controls/);
  assert.match(document.text, /```sh\nnpm install widget\n```/);
  assert.deepEqual(
    document.headings.map((heading) => heading.text),
    ['Configuring the widget', 'Installation', 'Options', 'Advanced tuning'],
  );
  for (const heading of document.headings) {
    assert.match(document.text.slice(heading.start, heading.end), new RegExp(`^#{1,6} ${heading.text}$`));
  }
  assert.match(document.title, /Configuring the widget/);
  assert.equal(document.metadata.byline, 'Ada Lovelace');
});

test('falls back to <main> minus chrome on a short page', async () => {
  const page = `<html><head><title>Short page</title></head><body>
<nav><a href="/">Home</a> <a href="/pricing">Pricing plans</a></nav>
<main><h1>Quick note</h1><p>Restart after editing.</p><aside>Ten sidebar tips</aside><form><input name="q"></form></main>
<footer>Copyright footer notice</footer></body></html>`;
  const [document] = (await htmlLoader.load(input(page))).documents;
  assert.ok(document);
  assertNoChrome(document.text);
  assert.equal(document.text, '# Quick note\n\nRestart after editing.');
  assert.equal(document.title, 'Short page');
  assert.deepEqual(document.headings, [{ level: 1, text: 'Quick note', start: 0, end: 12 }]);
});

test('in the fallback, an article keeps its own header and the body loses the page header', async () => {
  const page = `<body><header>ACME Corp</header><article><header><h1>Post title</h1></header><p>Body text.</p></article>
<footer>Copyright footer notice</footer></body>`;
  const [document] = (await htmlLoader.load(input(page))).documents;
  assert.ok(document);
  assertNoChrome(document.text);
  assert.equal(document.title, 'Post title');
  assert.match(document.text, /^# Post title\n\nBody text\.$/);
});

test('in the fallback, a header inside <main> is content, not chrome', async () => {
  const page = '<body><header>ACME Corp</header><main><header><h1>Release notes</h1></header><p>Fixed a bug.</p></main></body>';
  const [document] = (await htmlLoader.load(input(page))).documents;
  assert.equal(document?.text, '# Release notes\n\nFixed a bug.');
  assert.equal(document?.title, 'Release notes');
});

test('converts tables to pipe tables and drops scripts', async () => {
  const page = '<body><h2>Limits</h2><table><tr><th>Name</th><th>Max</th></tr><tr><td>files</td><td>64</td></tr></table><script>var secret = 1;</script></body>';
  const [document] = (await htmlLoader.load(input(page))).documents;
  assert.equal(document?.text, '## Limits\n\n| Name | Max |\n| --- | --- |\n| files | 64 |');
});

test('rejects with INVALID_DATA when the page has no readable text', async () => {
  await assert.rejects(
    () => htmlLoader.load(input('<html><body><nav>Home</nav><script>x()</script></body></html>')),
    (error) => isGroundedError(error, 'INVALID_DATA') && /no readable text/.test(error.message),
  );
});
