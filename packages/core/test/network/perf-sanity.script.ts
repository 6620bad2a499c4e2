/**
 * Perf sanity check (not part of the test run): build a synthetic 500,000-row model and time
 * `projectPersons`, `projectOrganisations` and `personNetwork`.
 * Run: npx esbuild packages/core/test/network/perf-sanity.script.ts --bundle --platform=node --format=esm --outfile=/tmp/perf.mjs && node /tmp/perf.mjs
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
let t = performance.now();
const model = buildModel(records);
const tBuild = performance.now() - t;
t = performance.now();
const proj = projectPersons(model);
const tProj = performance.now() - t;
t = performance.now();
const org = projectOrganisations(model);
const tOrg = performance.now() - t;
t = performance.now();
const g = personNetwork(model);
const tNet = performance.now() - t;
console.log(
  JSON.stringify({
    rows: model.attendance.length,
    events: model.events.length,
    people: model.people.length,
    personTies: proj.length,
    organisationTies: org.length,
    seconds: { buildModel: tBuild / 1000, projectPersons: tProj / 1000, projectOrganisations: tOrg / 1000, personNetwork: tNet / 1000 },
    graph: { order: g.order, size: g.size },
  }),
);
