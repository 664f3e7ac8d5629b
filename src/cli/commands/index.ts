// Every `s3bq` subcommand, in the order `s3bq --help` lists them.
import type { Command } from '../command.js';

export const commands: Command[] = [];
