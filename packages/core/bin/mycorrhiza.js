#!/usr/bin/env node
// Installed entry of the `mycorrhiza` command: runs the compiled CLI (build with `pnpm -r build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('mycorrhiza: the core package is not built yet. Run "pnpm -r build" (or "bash scripts/bootstrap.sh") first.\n');
  process.exit(2);
}
await import(main.href);
