import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

interface SearchJson {
  results: { doc: string; text: string }[];
}
interface AskJson {
  citations: { doc: string; quote: string }[];
}

describe('knowledge bases are isolated', () => {
  const folder = temporaryFolder('isolation');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
  after(() => folder.remove());

  before(async () => {
    // Same file names and overlapping words, different facts.
    for (const [kb, port] of [
      ['alpha', '1111'],
      ['beta', '2222'],
    ] as const) {
      const dir = join(folder.path, kb);
      mkdirSync(dir);
      writeFileSync(join(dir, 'server.md'), `# Server\n\nThe ${kb} server listens on port ${port} for shared sync traffic.\n`);
      writeFileSync(join(dir, `${kb}-only.md`), `# Notes\n\nShared sync traffic notes that only the ${kb} team keeps.\n`);
      const result = await run(['ingest', dir, '--kb', kb]);
      assert.equal(result.code, 0, result.stderr);
    }
  });

  it('never returns another knowledge base’s chunks', async () => {
    for (const [kb, other] of [
      ['alpha', 'beta'],
      ['beta', 'alpha'],
    ] as const) {
      const search = parseJson<SearchJson>(await run(['search', `shared sync traffic server port ${other}`, '--kb', kb, '-k', '50', '--json']));
      assert.ok(search.results.length >= 2);
      for (const result of search.results) {
        assert.doesNotMatch(result.text, new RegExp(other));
        assert.notEqual(result.doc, `${other}-only.md`);
      }
      const answer = parseJson<AskJson>(await run(['ask', 'Which port does the server listen on?', '--kb', kb, '--json']));
      assert.ok(answer.citations.length > 0);
      for (const citation of answer.citations) assert.doesNotMatch(citation.quote, new RegExp(other));
    }
  });

  it('keeps a sync of one knowledge base from touching the other', async () => {
    const empty = join(folder.path, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.md'), '# Empty\n\nNothing about servers here.\n');
    // Syncing alpha's folder into beta must not delete alpha's files from alpha.
    await run(['ingest', join(folder.path, 'alpha'), '--kb', 'beta']);
    const alpha = parseJson<SearchJson>(await run(['search', 'port 1111', '--kb', 'alpha', '--json']));
    assert.equal(alpha.results[0]?.doc, 'server.md');
  });
});
