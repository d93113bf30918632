import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderBehaviour } from './render-behaviour.js';

describe('renderBehaviour', () => {
  it('joins instructions, tone and output format with blank lines, leaving out absent or blank parts', () => {
    assert.equal(renderBehaviour({ instructions: ' Rules. \n' }), 'Rules.');
    assert.equal(
      renderBehaviour({ instructions: 'Rules.', tone: 'Warm.', outputFormat: 'Bullets.' }),
      'Rules.\n\nTone: Warm.\n\nOutput format: Bullets.',
    );
    assert.equal(renderBehaviour({ instructions: 'Rules.', tone: '  ', outputFormat: 'Bullets.' }), 'Rules.\n\nOutput format: Bullets.');
  });
});
