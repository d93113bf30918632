// Builds a throwaway knowledge base per labelled set with the default pipeline and asks every question once,
// keeping the answerability signals (the gate is off, so nothing is decided yet).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKnowledgeBase } from '../../src/app/open-knowledge-base.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { AnswerabilityFeatures } from '../../src/core/answerability-features.js';
import type { LabelledSet } from './labelled-sets.js';

export interface FeatureRow {
  readonly set: string;
  readonly id: string;
  readonly kind: string;
  readonly answerable: boolean;
  readonly features: AnswerabilityFeatures;
}

export async function collectFeatures(set: LabelledSet): Promise<FeatureRow[]> {
  const dir = mkdtempSync(join(tmpdir(), `grounded-answerability-${set.name}-`));
  try {
    let corpus = set.folder ?? '';
    if (set.passages !== undefined) {
      corpus = join(dir, `${set.name}.jsonl`);
      writeFileSync(corpus, set.passages.map((p) => JSON.stringify({ _id: p.id, title: p.title, text: p.text })).join('\n'));
    }
    const config = loadConfig({ overrides: { dataDir: join(dir, 'data'), answer: { minAnswerability: 0 } } });
    const kb = openKnowledgeBase({ config, kb: set.name });
    await kb.sync([corpus]);
    const rows: FeatureRow[] = [];
    for (const question of set.questions) {
      const answer = await kb.answer(question.question);
      if (answer.answerabilityFeatures === undefined) throw new Error('rag answers carry their answerability features');
      rows.push({ set: set.name, id: question.id, kind: question.kind, answerable: question.answerable, features: answer.answerabilityFeatures });
    }
    await kb.close();
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
