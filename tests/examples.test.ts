/**
 * The built-in examples end to end: the committed `examples/<name>/attendance.csv` files equal what the
 * generator writes with the default seed (so they never drift), and `mycorrhiza example` writes the same bytes
 * to a file (creating folders) or to standard output, honours `--seed`, and answers an unknown name with exit 2.
 * Regenerate the committed files with: `node packages/core/dist/cli/main.js example NAME --out examples/NAME/attendance.csv`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, exampleToCsv, generateExample } from '../packages/core/src/examples/index.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/core/dist/cli/main.js');

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'example', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('committed example files', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`examples/${name}/attendance.csv equals exampleToCsv(generateExample('${name}'))`, () => {
      const committed = readFileSync(join(ROOT, 'examples', name, 'attendance.csv'), 'utf8');
      expect(committed === exampleToCsv(generateExample(name))).toBe(true);
    });
    it(`examples/${name}/README.md says what the example shows`, () => {
      expect(readFileSync(join(ROOT, 'examples', name, 'README.md'), 'utf8').length).toBeGreaterThan(200);
    });
  }
});

describe('mycorrhiza example', () => {
  it('is built (run "pnpm -r build" first)', () => {
    expect(existsSync(CLI)).toBe(true);
  });

  it('writes each example to --out, creating the folder, byte-identical to the committed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mycorrhiza-example-'));
    for (const name of EXAMPLE_NAMES) {
      const out = join(dir, 'nested', name, 'attendance.csv');
      const r = cli([name, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(out);
      expect(readFileSync(out, 'utf8') === readFileSync(join(ROOT, 'examples', name, 'attendance.csv'), 'utf8')).toBe(true);
    }
  });

  it('writes to standard output without --out, and --seed changes the synthetic examples only', () => {
    const plain = cli(['rupel']);
    expect(plain.status).toBe(0);
    expect(plain.stdout === exampleToCsv(generateExample('rupel'))).toBe(true);
    const seeded = cli(['rupel', '--seed', '7']);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout === exampleToCsv(generateExample('rupel', { seed: 7 }))).toBe(true);
    expect(seeded.stdout).not.toBe(plain.stdout);
    expect(cli(['davis', '--seed', '7']).stdout).toBe(cli(['davis']).stdout);
  });

  it('answers an unknown name, a missing name or a bad seed with exit 2 and the list of names', () => {
    const unknown = cli(['utrecht']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown example "utrecht".*rupel, regions, davis/);
    const missing = cli([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('rupel, regions, davis');
    const bad = cli(['rupel', '--seed', 'abc']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--seed');
  });
});
