#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that goes away (`grounded search ... | head -1`) closes stdout: the command ends quietly, as Unix tools do,
// instead of dying on EPIPE with a stack trace. Whatever was being written is of no use to anyone any more.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The bin entry: real process streams and exit code. Everything else lives in runCli so tests run it in-process.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
});
process.exitCode = code;
