// The action's `post` entry point (dist/action/post.js): runs after main whatever happened,
// cancellation included, calls cleanup(), then ends the process (see main.ts for why).
import { cleanup } from './cleanup.js';

await cleanup();
process.exit();
