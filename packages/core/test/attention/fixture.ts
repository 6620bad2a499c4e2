/** Parse the simple fixture CSVs (no quotes, comma-separated, header event,date,person,organisation,sector). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../src/model/index.js';
import type { AttendanceModel, AttendanceRecord } from '../../src/types.js';

export function fixtureRecords(name: string): AttendanceRecord[] {
  const path = fileURLToPath(new URL(`../../../../tests/fixtures/attention/${name}`, import.meta.url));
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const get = (c: string) => {
      const v = cells[cols.indexOf(c)];
      return v == null || v === '' ? null : v;
    };
    return { event: get('event')!, date: get('date'), person: get('person'), organisation: get('organisation'), sector: get('sector') };
  });
}

export function fixtureModel(name: string): AttendanceModel {
  return buildModel(fixtureRecords(name));
}
