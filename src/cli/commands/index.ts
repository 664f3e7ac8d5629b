// Every `s3bq` subcommand, in the order `s3bq --help` lists them.
import type { Command } from '../command.js';
import { demoCommand } from './demo.js';
import { emulatorCommand } from './emulator.js';
import { janitorCommand } from './janitor.js';
import { planCommand } from './plan.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';

export const commands: Command[] = [
  validateCommand,
  planCommand,
  runCommand,
  emulatorCommand,
  demoCommand,
  janitorCommand,
];
