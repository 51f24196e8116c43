#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './main.js';

try {
  process.exitCode = await run(process.argv.slice(2), processIo(), process.env);
} catch (e) {
  // A bug, not bad input: say so briefly instead of dumping a stack trace.
  process.stderr.write(`k8s-ops: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.stderr.write('please report this together with the command you ran\n');
  process.exitCode = 3;
}
