import { describe, expect, it } from 'vitest';
import { formatCsvValue, neutraliseFormula, restoreNeutralised, toCsv } from '../../src/export/csv.js';

describe('toCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    expect(toCsv([{ a: '=HYPERLINK("http://x","y")', b: -3, c: '+1', d: '@SUM(A1)' }], ['a', 'b', 'c', 'd'])).toBe(
      'a,b,c,d\n"\'=HYPERLINK(""http://x"",""y"")",-3,\'+1,\'@SUM(A1)\n',
    );
  });

  it('round-trips neutralised text through restoreNeutralised, apostrophes included', () => {
    for (const text of ['=1+1', "'=x", "''-y", 'plain', "'quoted"]) expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
  });

  it('drops control characters other than tab, CR and LF, and replaces lone surrogates', () => {
    expect(formatCsvValue('A\u0000n\u0007a')).toBe('Ana');
    expect(formatCsvValue('x\ud800y')).toBe('x\ufffdy');
    expect(formatCsvValue('line\nbreak')).toBe('"line\nbreak"');
  });

  it('quotes cells with the delimiter, quotes or surrounding spaces', () => {
    expect(formatCsvValue('a;b', ';')).toBe('"a;b"');
    expect(formatCsvValue(' padded ')).toBe('" padded "');
    expect(formatCsvValue(null)).toBe('');
    expect(formatCsvValue(true)).toBe('true');
  });
});
