// The action's `main` entry point (dist/action/main.js): only calls run(), then ends the
// process. A call abandoned at its deadline (a hung server) can keep a gRPC channel busy
// long after run() is done; the job must not wait for it.
import { run } from './run.js';

await run();
process.exit();
