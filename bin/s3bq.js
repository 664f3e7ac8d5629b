#!/usr/bin/env node
// The `s3bq` command: a thin shim over the bundled CLI in dist/.
import '../dist/cli.js';
