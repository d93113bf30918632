#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The bin entry: real process streams and exit code. Everything else lives in runCli so tests run it in-process.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
});
process.exitCode = code;
