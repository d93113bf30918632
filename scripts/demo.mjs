// The offline demo of the README: ingest the sample corpus, then ask questions and print cited answers.
// Runs the built CLI exactly as a user would; no network, no model, no account.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'grounded-demo-'));
const questions = [
  'What port does Harbor listen on by default?',
  'When do API tokens expire?',
  'How do I restore a backup?',
  'Does Harbor integrate with Slack notifications?',
];

function grounded(args) {
  console.log(`\n$ grounded ${args.map((arg) => (arg.includes(' ') ? JSON.stringify(arg) : arg)).join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args, '--data-dir', dataDir], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`demo failed: grounded ${args[0]} exited with ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

try {
  grounded(['ingest', 'examples/sample-docs']);
  for (const question of questions) grounded(['ask', question]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
