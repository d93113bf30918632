import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { GroundedConfig } from '../config/config-schema.js';

/** Where a CLI run reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /**
   * Standard input, for commands that ask questions (`advise --interview`); the bin passes `process.stdin`, tests a
   * `Readable.from([...])`. Absent when the caller has no input to offer: such commands then fail with a message.
   */
  readonly stdin?: Readable;
}

/** What every command receives: resolved settings and output channels. */
export interface CommandContext {
  readonly io: CliIo;
  readonly config: GroundedConfig;
  readonly kb: string;
  readonly json: boolean;
}

/** How commands register themselves: `run` wraps an action with context building. */
export type Register = (
  program: Command,
  run: (action: (context: CommandContext, ...args: never[]) => Promise<number> | number) => (...args: unknown[]) => Promise<void>,
) => void;

