import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseJson, runGrounded, temporaryFolder } from '../support/run-grounded.js';

interface AskJson {
  answer: string;
  abstained: boolean;
  citations: { n: number; doc: string; start: number; end: number; quote: string }[];
}
interface IngestJson {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}
interface SearchJson {
  results: { doc: string }[];
}

describe('freshness: the answer follows the files', () => {
  const folder = temporaryFolder('freshness');
  const docs = join(folder.path, 'docs');
  const dataDir = join(folder.path, 'data');
  const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
  const question = 'What is the default listen port of the relay server?';
  after(() => folder.remove());

  it('answers from the current version after each ingest, and forgets deleted files', async () => {
    mkdirSync(docs);
    writeFileSync(join(docs, 'relay.md'), '# Relay server\n\nThe relay server listens on port 7100 by default.\n');
    writeFileSync(join(docs, 'other.md'), '# Billing\n\nInvoices are sent on the first day of each month.\n');
    const first = parseJson<IngestJson>(await run(['ingest', 'docs', '--json']));
    assert.deepEqual([first.added, first.updated, first.removed, first.unchanged], [2, 0, 0, 0]);

    const before = parseJson<AskJson>(await run(['ask', question, '--json']));
    assert.equal(before.abstained, false);
    assert.match(before.answer, /7100/);
    assert.equal(before.citations[0]?.doc, 'relay.md');
    assert.match(before.citations[0]?.quote ?? '', /7100/);

    writeFileSync(
      join(docs, 'relay.md'),
      '# Relay server\n\nSince version 2 the relay server listens on port 9300 by default.\n',
    );
    const second = parseJson<IngestJson>(await run(['ingest', 'docs', '--json']));
    assert.deepEqual([second.added, second.updated, second.removed, second.unchanged], [0, 1, 0, 1]);
    const edited = parseJson<AskJson>(await run(['ask', question, '--json']));
    assert.match(edited.answer, /9300/);
    assert.doesNotMatch(edited.answer, /7100/);
    const citation = edited.citations[0];
    assert.ok(citation !== undefined);
    assert.match(citation.quote, /9300/);
    assert.notDeepEqual([citation.start, citation.end], [before.citations[0]?.start, before.citations[0]?.end]);

    rmSync(join(docs, 'relay.md'));
    const third = parseJson<IngestJson>(await run(['ingest', 'docs', '--json']));
    assert.deepEqual([third.added, third.updated, third.removed, third.unchanged], [0, 0, 1, 1]);
    const search = parseJson<SearchJson>(await run(['search', 'relay server port', '--json']));
    assert.ok(search.results.every((result) => result.doc !== 'relay.md'));
    const after = parseJson<AskJson>(await run(['ask', question, '--json']));
    assert.ok(after.citations.every((c) => c.doc !== 'relay.md'));
  });

  it('skips unchanged files on a re-run', async () => {
    const again = parseJson<IngestJson>(await run(['ingest', 'docs', '--json']));
    assert.deepEqual([again.added, again.updated, again.removed, again.unchanged], [0, 0, 0, 1]);
  });
});

describe('ingest --include / --exclude', () => {
  const folder = temporaryFolder('globs');
  after(() => folder.remove());

  it('indexes only what the globs select, and a later sync without them adds the rest', async () => {
    const docs = join(folder.path, 'docs');
    mkdirSync(join(docs, 'drafts'), { recursive: true });
    writeFileSync(join(docs, 'guide.md'), '# Guide\n\nThe guide explains quokkas.\n');
    writeFileSync(join(docs, 'notes.txt'), 'Notes about quokkas.\n');
    writeFileSync(join(docs, 'drafts', 'wip.md'), '# WIP\n\nUnfinished quokka draft.\n');
    const dataDir = join(folder.path, 'data');
    const run = (args: string[]) => runGrounded(args, { cwd: folder.path, dataDir });
    const first = parseJson<IngestJson>(await run(['ingest', 'docs', '--include', '**/*.md', '--exclude', 'drafts/**', '--json']));
    assert.equal(first.added, 1);
    const search = parseJson<SearchJson>(await run(['search', 'quokka', '--json']));
    assert.deepEqual(search.results.map((result) => result.doc), ['guide.md']);
    const second = parseJson<IngestJson>(await run(['ingest', 'docs', '--json']));
    assert.deepEqual([second.added, second.unchanged], [2, 1]);
  });
});
