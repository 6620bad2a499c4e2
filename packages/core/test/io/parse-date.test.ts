import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.js';
import { compileDateFormat, parseDateCell, parseDurationHours, type DateFormat } from '../../src/io/index.js';

const iso = (value: Parameters<typeof parseDateCell>[0], format: DateFormat = 'dmy') => {
  const r = parseDateCell(value, compileDateFormat(format));
  return r.ok ? r.iso : r.code;
};

describe('parseDateCell', () => {
  it.each([
    ['2023-03-14', '2023-03-14'],
    ['2023-3-4', '2023-03-04'],
    ['2023-03-14T09:30:00', '2023-03-14'],
    ['2023-03-14 09:30', '2023-03-14'],
    ['2023-03-14T23:30:00+02:00', '2023-03-14'],
    ['14/03/2023', '2023-03-14'],
    ['14-03-2023', '2023-03-14'],
    ['14.03.2023', '2023-03-14'],
    ['4/3/2023', '2023-03-04'],
    ['14/03/2023 10:00', '2023-03-14'],
    ['2023/03/14', '2023-03-14'],
    ['20230314', '2023-03-14'],
    ['14 maart 2023', '2023-03-14'],
    ['14 mars 2023', '2023-03-14'],
    ['March 14, 2023', '2023-03-14'],
    ['di 14 mrt 2023', '2023-03-14'],
    ['44999', '2023-03-14'],
    ['29/02/2024', '2024-02-29'],
  ])('day-first: %j → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['14/3/23', 'two-digit-year'],
    ['14-03-23', 'two-digit-year'],
    ['14 maart 23', 'two-digit-year'],
    ['31/02/2023', 'bad-date'],
    ['29/02/2023', 'bad-date'],
    ['2023-13-02', 'bad-date'],
    ['2023-02-30', 'bad-date'],
    ['03/31/2023', 'bad-date'],
    ['1899-12-31', 'date-out-of-range'],
    ['01/01/2101', 'date-out-of-range'],
    ['gisteren', 'bad-date'],
    ['14/03/023', 'bad-date'],
    ['', 'missing-date'],
    ['2023', 'bad-date'],
    ['4500', 'bad-date'],
  ])('day-first: %j is an error (%s), never a guess', (text, code) => {
    expect(iso(text)).toBe(code);
  });

  it('suggests month-first when only that order makes a date', () => {
    const r = parseDateCell('03/31/2023', compileDateFormat('dmy'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('there is no month 31');
      expect(r.fix).toContain('--date-format mdy');
    }
  });

  it('month-first and year-first orders, and patterns', () => {
    expect(iso('03/14/2023', 'mdy')).toBe('2023-03-14');
    expect(iso('14/03/2023', 'mdy')).toBe('bad-date');
    expect(iso('2023.03.14', 'ymd')).toBe('2023-03-14');
    expect(iso('14/03/2023', 'ymd')).toBe('bad-date');
    expect(iso('14|03|2023', 'DD|MM|YYYY')).toBe('2023-03-14');
    expect(iso('03-14-2023', 'MM-DD-YYYY')).toBe('2023-03-14');
    expect(iso('2023-03-14', 'MM-DD-YYYY')).toBe('2023-03-14');
  });

  it('Excel serials (numbers) and Date cells', () => {
    expect(iso(44999)).toBe('2023-03-14');
    expect(iso(44999.75)).toBe('2023-03-14');
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(60)).toBe('bad-date');
    expect(iso(-5)).toBe('bad-date');
    expect(iso(new Date(Date.UTC(2023, 2, 14)))).toBe('2023-03-14');
    expect(iso(new Date(Date.UTC(1850, 0, 1)))).toBe('date-out-of-range');
    expect(iso(true)).toBe('bad-date');
    // A bare year is never read as serial 2023 (1905-07-15).
    expect(iso(2023)).toBe('bad-date');
  });
});

describe('compileDateFormat', () => {
  it('rejects unknown orders, two-digit-year patterns and repeated tokens', () => {
    expect(() => compileDateFormat('dym')).toThrow(InvalidOptionError);
    expect(() => compileDateFormat('DD/MM/YY')).toThrow(InvalidOptionError);
    expect(() => compileDateFormat('DD/DD/YYYY')).toThrow(InvalidOptionError);
    expect(compileDateFormat('MDY').order).toBe('mdy');
  });
});

describe('parseDurationHours', () => {
  const h = (v: Parameters<typeof parseDurationHours>[0]) => {
    const r = parseDurationHours(v);
    return r.ok ? r.hours : 'error';
  };
  it('reads numbers, decimal commas, units, minutes and clock times', () => {
    expect(h(2)).toBe(2);
    expect(h('1,5')).toBe(1.5);
    expect(h('1.5')).toBe(1.5);
    expect(h('2u')).toBe(2);
    expect(h('3 heures')).toBe(3);
    expect(h('90 min')).toBe(1.5);
    expect(h('1:30')).toBe(1.5);
    expect(h('1u30')).toBe(1.5);
    expect(h('')).toBe(null);
    expect(h(null)).toBe(null);
  });
  it('refuses words, days, negatives and absurd values', () => {
    expect(h('twee uur')).toBe('error');
    expect(h('2 dagen')).toBe('error');
    expect(h(-1)).toBe('error');
    expect(h(5000)).toBe('error');
  });
});
