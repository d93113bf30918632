import { reportMarker } from '../../core/report-marker.js';
import { escapeHtml } from './escape-html.js';

/**
 * The opening of a self-contained HTML report, up to and including `<body>`: a Content-Security-Policy that lets
 * nothing load from anywhere (inline styles, `data:` images, and inline scripts only when asked), the title and the
 * inline styles.
 *
 * @example
 * const html = `${renderHtmlHead({ title: 'grounded eval', styles })}<main>...</main></body></html>`;
 */
export function renderHtmlHead(options: { readonly title: string; readonly styles: string; readonly inlineScripts?: boolean }): string {
  const scripts = options.inlineScripts === true ? " script-src 'unsafe-inline';" : '';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    reportMarker,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${scripts} img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty icon stops the browser from asking for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(options.title)}</title><style>${options.styles}</style></head><body>`,
  ].join('\n');
}
