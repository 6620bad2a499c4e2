/**
 * Perf sanity check (not part of the test run): build a synthetic 500,000-row model and time
 * `projectPersons`, `projectOrganisations` and `personNetwork`.
 * Run: npx esbuild packages/core/test/network/perf-sanity.script.ts --bundle --platform=node --format=esm --outfile=/tmp/perf.mjs && node /tmp/perf.mjs [rows] [no-graph]
 */
import { buildModel, createRng, personNetwork, projectOrganisations, projectPersons, type AttendanceRecord } from '../../src/index.js';

const rows = Number(process.argv[2] ?? 500_000);
const rng = createRng(42);
const people = Math.round(rows / 20);
const orgs = Math.round(people / 10);
const records: AttendanceRecord[] = [];
let e = 0;
while (records.length < rows) {
  // Event sizes between 4 and ~80, most small (training groups), a few large.
  const size = Math.min(rows - records.length, 4 + Math.floor(Math.pow(rng(), 2) * 76));
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(e / 10) * 86_400_000).toISOString().slice(0, 10);
  const seen = new Set<number>();
  for (let k = 0; k < size; k++) {
    const p = Math.floor(rng() * people);
    if (seen.has(p)) continue;
    seen.add(p);
    records.push({ event: `Event ${e}`, date: day, person: `Person ${p}`, organisation: `Org ${p % orgs}` });
  }
  e++;
}
const time = <T>(label: string, f: () => T): T => {
  const t = performance.now();
  const r = f();
  console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
  return r;
};
const model = time('buildModel', () => buildModel(records));
console.log(`${model.attendance.length} rows, ${model.events.length} events, ${model.people.length} people, ${model.organisations.length} organisations`);
const proj = time('projectPersons', () => projectPersons(model));
console.log(`${proj.length} person ties`);
const org = time('projectOrganisations', () => projectOrganisations(model));
console.log(`${org.length} organisation ties`);
if (process.argv[3] !== 'no-graph') {
  const g = time('personNetwork (projection + profiles + graphology graph)', () => personNetwork(model));
  console.log(`graph: ${g.order} nodes, ${g.size} edges`);
}
