import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readPassageUnits } from './read-passage-units.js';

describe('readPassageUnits', () => {
  const text = [
    'Intro sentence one. Intro sentence two.',
    '',
    '| Field | Default |',
    '|---|---|',
    '| `port` | 8080 |',
    '| `host` | |',
    '',
    'Run this:',
    '',
    '```sh',
    'grounded serve',
    '',
    'grounded ask "x"',
    '```',
    '',
    '- first item',
    '- **Default:** `10s`',
    '# Heading',
  ].join('\n');

  it('splits prose, table rows with their header, code blocks whole, list items and key: value lines', () => {
    const units = readPassageUnits(text, 100);
    assert.deepEqual(
      units.map((unit) => [unit.kind, unit.text]),
      [
        ['sentence', 'Intro sentence one.'],
        ['sentence', 'Intro sentence two.'],
        ['row', '| `port` | 8080 |'],
        ['row', '| `host` | |'],
        ['sentence', 'Run this:'],
        ['code', '```sh\ngrounded serve\n\ngrounded ask "x"\n```'],
        ['item', '- first item'],
        ['pair', '- **Default:** `10s`'],
      ],
    );
    assert.deepEqual(units[2]?.header, ['Field', 'Default']);
    assert.equal(units[4]?.announces, true);
    for (const unit of units) assert.equal(text.slice(unit.start - 100, unit.end - 100), unit.text);
  });

  it('keeps every span exact on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a b.', '| x | y |', '|---|', '```', 'k: v', '- item', '', '# h', 'Done. Next'), { maxLength: 20 }), (lines) => {
        const source = lines.join('\n');
        for (const unit of readPassageUnits(source, 7)) assert.equal(source.slice(unit.start - 7, unit.end - 7), unit.text);
      }),
    );
  });
});
