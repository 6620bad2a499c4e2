import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAttendance } from '../../src/io/index.js';

const davis = fileURLToPath(new URL('../../../../tests/fixtures/davis/attendance.csv', import.meta.url));

describe('readAttendance on the Davis Southern Women fixture', () => {
  it('reads 89 rows, 18 people, 14 events with no errors or warnings', async () => {
    const { model, report, mappings } = await readAttendance([{ name: 'attendance.csv', bytes: new Uint8Array(readFileSync(davis)) }]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts).toEqual({ rows: 89, used: 89, rejected: 0, people: 18, organisations: 0, events: 14 });
    expect(model.attendance.length).toBe(89);
    expect(model.dated).toBe(true);
    expect(mappings[0]!.mapping).toEqual({ 0: 'person', 1: 'event', 2: 'date' });
    expect(mappings[0]!.unsure).toBe(false);
    expect(mappings[0]!.delimiter).toBe(',');
  });
});
