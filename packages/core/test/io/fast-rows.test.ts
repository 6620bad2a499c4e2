/**
 * The reader's fast path (io/fast-rows.ts: plain CSV rows read once per distinct cell value) against the general
 * row reader (`fastPath: false`): the same model, report and mappings on random files that mix regular rows with
 * every kind of row the fast path must leave alone (empty or formula-like cells, bad dates, durations and
 * e-mails, extra and missing cells, repeated headers, quoted cells with delimiters, quotes and line breaks,
 * stray quotes), in random column orders, over one or two files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAttendance } from '../../src/io/read-attendance.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);

const POOLS: Record<string, readonly string[]> = {
  event: ['Kick-off', 'kick-off ', 'KICK-OFF', 'Workshop', 'Été', 'ete', 'Intervisie, deel 2', 'He said "hi"', '=SUM(A1)', "'=1+2", '', ' ', 'event'],
  date: ['2023-01-02', '2023-01-02', '2023-1-3', ' 2023-02-01 ', '02/01/2023', '2023-13-01', 'soon', '', '44927'],
  person: ['Jan Peeters', 'jan peeters', 'Jan  Peeters', 'Élise', 'elise', 'An', 'Bo', '', '=cmd|x', 'line\nbreak'],
  organisation: ['CAW', 'caw ', 'Stad Gent', 'stad  gent', 'Org, Inc.', '', '@risk'],
  sector: ['Police', 'police', 'Welzijn', '', '+31'],
  region: ['Gent', '', 'Rupel'],
  event_type: ['training', 'Training', 'dialogue', ''],
  duration_hours: ['2', '1,5', '90 min', 'abc', '', '2000'],
  role: ['trainer', 'participant', ''],
  email: ['an@example.org', 'AN@example.org', 'not-an-address', ''],
  notes: ['x', '', 'a longer note'],
};
const OPTIONAL = ['person', 'organisation', 'sector', 'region', 'event_type', 'duration_hours', 'role', 'email', 'notes'];

/** A CSV cell: quoted when it must be, and sometimes when it need not be. */
function csvCell(v: string, quote: boolean): string {
  return quote || /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const fileArb = fc
  .record({
    optional: fc.subarray(OPTIONAL, { minLength: 1 }),
    order: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    crlf: fc.boolean(),
    rows: fc.array(
      fc.record({
        picks: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
        quotes: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
        // Mostly regular rows; now and then one of the shapes the general reader has to judge.
        shape: fc.oneof({ weight: 12, arbitrary: fc.constant('plain') }, { weight: 1, arbitrary: fc.constantFrom('extra', 'extra-empty', 'short', 'header', 'empty', 'stray-quote', 'repeat') }),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  })
  .map(({ optional, order, crlf, rows }) => {
    const headers = ['event', 'date', ...optional];
    // A random column order.
    const keyed = headers.map((h, i) => [order[i]! * 16 + i, h] as const).sort((a, b) => a[0] - b[0]);
    const columns = keyed.map(([, h]) => h);
    const lines = [columns.join(',')];
    let previous = '';
    for (const r of rows) {
      const cells = columns.map((h, i) => csvCell(POOLS[h]![r.picks[i]! % POOLS[h]!.length]!, r.quotes[i]!));
      let line = cells.join(',');
      if (r.shape === 'extra') line += ',surplus';
      else if (r.shape === 'extra-empty') line += ',';
      else if (r.shape === 'short') line = cells.slice(0, -1).join(',');
      else if (r.shape === 'header') line = columns.join(',');
      else if (r.shape === 'empty') line = '';
      else if (r.shape === 'stray-quote') line = `${cells[0]} "oops,${cells.slice(1).join(',')}`;
      else if (r.shape === 'repeat' && previous) line = previous;
      lines.push(line);
      previous = line;
    }
    return lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
  });

async function both(texts: string[]) {
  const files = texts.map((t, i) => ({ name: `f${i}.csv`, bytes: new TextEncoder().encode(t) }));
  const fast = await readAttendance(files);
  const general = await readAttendance(files, { fastPath: false });
  return { fast, general };
}

describe('the fast path of the reader', () => {
  it('gives the same model, report and mappings as the general row reader (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 2 }), async (texts) => {
        const { fast, general } = await both(texts);
        expect(fast.model).toEqual(general.model);
        expect(fast.report).toEqual(general.report);
        expect(fast.mappings).toEqual(general.mappings);
      }),
      { numRuns: 250, seed: SEED },
    );
  });

  it('reads regular rows itself and leaves the others to the general reader', async () => {
    const text = 'event,date,person,organisation\nKick-off,2023-01-02,An,CAW\nKick-off,2023-01-02,Bo,"Org, Inc."\n=1,2023-01-02,Cas,CAW\nKick-off,2023-01-02,An,CAW\n';
    const { fast, general } = await both([text]);
    expect(fast.report).toEqual(general.report);
    expect(fast.report.counts).toEqual({ rows: 4, used: 4, rejected: 0, people: 3, organisations: 2, events: 2 });
    expect(fast.report.warnings.map((w) => [w.row, w.code])).toEqual([
      [4, 'formula-cell'],
      [5, 'duplicate-row'],
    ]);
    expect(fast.report.warnings[1]!.message).toContain('row 2');
  });

  it('hands irregular records to the record cursor one by one, then the rest of the file to one cursor', async () => {
    // 700 irregular records (doubled quotes, stray quotes, a quoted line break, text after a closing quote) between
    // plain ones: more than the bulk scan hands over one by one (256), so the tail is read by one cursor.
    const lines = ['event,date,person,organisation'];
    for (let i = 0; i < 1400; i++) {
      const ev = `Session ${i % 37}`, date = `2023-0${1 + (i % 9)}-1${i % 10}`;
      const shape = i % 2 === 0 ? 'plain' : (['doubled', 'stray', 'break', 'after'] as const)[(i >> 1) % 4]!;
      if (shape === 'plain') lines.push(`${ev},${date},Person ${i % 101},Org ${i % 13}`);
      else if (shape === 'doubled') lines.push(`${ev},${date},Person ${i % 101},"Org ""${i % 7}"""`);
      else if (shape === 'stray') lines.push(`${ev},${date},Person "${i % 5},Org 1`);
      else if (shape === 'break') lines.push(`${ev},${date},"Person\n${i % 11}",Org 2`);
      else lines.push(`${ev},${date},"Person" ${i % 3},Org 3`);
    }
    const text = lines.join('\n') + '\n';
    const { fast, general } = await both([text]);
    expect(fast.model).toEqual(general.model);
    expect(fast.report).toEqual(general.report);
    expect(fast.report.counts.rows).toBe(1400);
  });

  it('reads a record longer than the cursor chunk the general way', async () => {
    const long = 'x'.repeat(70_000);
    const text = `event,date,person,notes\nA,2023-01-02,An,short\nA,2023-01-02,Bo,${long}\nB,2023-01-03,An,short\n`;
    const { fast, general } = await both([text]);
    expect(fast.model).toEqual(general.model);
    expect(fast.report).toEqual(general.report);
    expect(fast.report.counts.used).toBe(3);
  });
});
