import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnowledgeBase, createSqliteStore, isGroundedError, runEvaluation } from '../../src/index.js';

// Everything is passed in: the store, and (optionally) an embedder, reranker or chat model. Nothing is read from the
// working directory or the environment.
const folder = mkdtempSync(join(tmpdir(), 'grounded-example-'));
writeFileSync(join(folder, 'keys.md'), '# Keys\n\nRotate the signing key with `vault rotate --key signing` every 90 days.\n');

await using kb = createKnowledgeBase({ store: createSqliteStore(join(folder, 'grounded.db')), name: 'docs' });
await kb.sync([folder]);

const answer = await kb.answer('How do I rotate the signing key?');
console.log(answer.answer, answer.citations.map((citation) => citation.doc));

const golden = join(folder, 'golden.jsonl');
writeFileSync(golden, `${JSON.stringify({ id: 'q1', question: 'How do I rotate the signing key?', kind: 'answerable', answers: ['vault rotate --key signing'], sources: [{ doc: 'keys.md' }] })}\n`);
const { report } = await runEvaluation({ knowledgeBase: kb, golden });
console.log(`recall@5 ${report.retrieval.recallAt5}`);

try {
  await kb.search('anything', { preset: 'hybrid' });
} catch (error) {
  if (!isGroundedError(error, 'INVALID_CONFIG')) throw error;
  console.log(`no embedder: ${error.message}`);
}
