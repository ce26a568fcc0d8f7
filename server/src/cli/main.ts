#!/usr/bin/env node
import 'reflect-metadata';
import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import { reportFailure } from './cli-output.js';

/** `renda …` (the server package's bin): runs one command; exit code 1 on any refusal or failure. */
const argv = process.argv;
try {
  await createProgram().parseAsync(argv);
} catch (error) {
  // Commander has printed its own message (unknown option, missing argument, --help) already.
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else process.exitCode = reportFailure(error, argv.includes('--json'));
}
