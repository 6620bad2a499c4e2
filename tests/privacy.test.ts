/**
 * Privacy of `mycorrhiza analyze --safe` (PRODUCT.md §5, issue 10): no person name, e-mail or role appears in any
 * output file, on stdout or on stderr — searched in raw, XML/HTML-escaped, CSV-quoted and JSON-escaped forms —
 * on the rupel example and on a hostile file (names with markup and quotes, e-mails, roles, rows that produce
 * errors and warnings naming people). People become stable codes P001, ...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../packages/core/src/export/csv.js';
import { readAttendance } from '../packages/core/src/io/read-attendance.js';
import { readFolder, requireBuiltCli, runCli, tempDir } from './helpers/cli.js';

/** The forms a text can take in the outputs. */
function forms(text: string): string[] {
  const xml = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [...new Set([text, xml, xml.replace(/"/g, '&quot;').replace(/'/g, '&apos;'), xml.replace(/"/g, '&quot;').replace(/'/g, '&#39;'), text.replace(/"/g, '""'), JSON.stringify(text).slice(1, -1)])];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** True when `needle` occurs in `text` not glued to letters or digits ("ouder" is not found in "Oudercafé"). */
function wordIn(needle: string, text: string): boolean {
  return text.includes(needle) && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

interface Secrets {
  names: string[];
  emails: string[];
  roles: string[];
}

/** Search every output and the terminal for every secret; returns the leaks found. */
function leaks(files: Map<string, Buffer>, terminal: string, secrets: Secrets): string[] {
  const found: string[] = [];
  const texts: [string, string][] = [...[...files].map(([n, b]) => [n, b.toString('utf8')] as [string, string]), ['stdout+stderr', terminal]];
  for (const [kind, list] of [['name', secrets.names], ['email', secrets.emails], ['role', secrets.roles]] as const)
    for (const secret of list)
      for (const form of forms(secret))
        for (const [file, text] of texts) if (wordIn(form, text)) found.push(`${kind} ${JSON.stringify(secret)} in ${file}`);
  return found;
}

/** Secrets of an input file, from the project's own reader; roles that are also public labels are left out. */
async function secretsOf(path: string, extra: Partial<Secrets> = {}): Promise<Secrets> {
  const { model } = await readAttendance([{ name: path, bytes: new Uint8Array(readFileSync(path)) }], { nearDuplicates: false });
  // A role that is also a word of a public label (an organisation, sector, region, event or event type, e.g. the
  // role "ouder" and the event "Dialoog ouders en ouder") is not a secret of its own.
  const labels = [...model.organisations.flatMap((o) => [o.name, o.sector ?? '', o.region ?? '']), ...model.events.flatMap((e) => [e.name, e.type ?? ''])].join('\n').toLowerCase();
  const roles = [...new Set(model.attendance.role.filter((r): r is string => r != null))].filter((r) => !wordIn(r.toLowerCase(), labels));
  return { names: [...model.people.map((p) => p.name), ...(extra.names ?? [])], emails: extra.emails ?? [], roles: [...roles, ...(extra.roles ?? [])] };
}

describe('analyze --safe leaks no person name, e-mail or role', () => {
  let dir = '';
  beforeAll(() => {
    requireBuiltCli();
    dir = tempDir('privacy-');
  });

  it('rupel example: every file and the terminal are free of the 452 names and all roles; people are P-codes', async () => {
    const input = join(dir, 'rupel.csv');
    expect(runCli(['example', 'rupel', '--out', input]).code).toBe(0);
    const secrets = await secretsOf(input);
    expect(secrets.names.length).toBeGreaterThan(400);
    expect(secrets.roles.length).toBeGreaterThan(10);
    const out = join(dir, 'rupel-safe');
    const run = runCli(['analyze', input, '--out', out, '--safe', '--convenor', 'Zorgregie Rupel'], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const files = readFolder(out);
    expect(files.size).toBe(11);
    expect(leaks(files, run.stdout + run.stderr, secrets)).toEqual([]);
    const people = files.get('people.csv')!.toString('utf8').split('\n').slice(1).filter(Boolean);
    expect(people.length).toBe(secrets.names.length);
    for (const line of people) expect(line).toMatch(/^P\d{3},P\d{3},/);
    // The same run without --safe does show names: the search above can find them.
    const open = runCli(['analyze', input, '--out', join(dir, 'rupel-open'), '--convenor', 'Zorgregie Rupel'], { timeoutMs: 120_000 });
    expect(open.code).toBe(0);
    const openPeople = new Map([['people.csv', readFolder(join(dir, 'rupel-open')).get('people.csv')!]]);
    expect(leaks(openPeople, '', { names: secrets.names, emails: [], roles: [] }).length).toBeGreaterThan(400);
  }, 240_000);

  it('hostile file with e-mails, roles, and rows whose errors and warnings concern people', async () => {
    const rows: Record<string, string>[] = [];
    const people = ['Zoë <b>Maes</b>', "Seán O'Brien & Co", 'Jan "Jantje" Peeters', 'Özlem Yıldız', '=Formule Persoon', 'مريم العلي', 'Anna Janssens'];
    const orgs = ['CAW Antwerpen', 'OCMW Boom', 'Politiezone Rupel'];
    const roles = ['geheime functie A', 'vertrouwenspersoon B', 'maatschappelijk werker C'];
    for (let e = 0; e < 8; e++)
      for (let p = 0; p < people.length; p++)
        if ((p + e) % 3 !== 0) rows.push({ event: `Overleg ${e + 1}`, date: `2023-0${e + 1}-15`, person: people[p]!, organisation: orgs[p % 3]!, role: roles[p % 3]!, email: `person${p}@private.example` });
    // A person only in rejected rows, a same-day warning, a bad e-mail, a duplicate row.
    rows.push({ event: 'Overleg 1', date: '31/02/2023', person: 'Verborgen Afgewezen', organisation: 'CAW Antwerpen', role: 'afgewezen rol', email: 'rejected@private.example' });
    rows.push({ event: 'Extra sessie', date: '2023-01-15', person: people[1]!, organisation: orgs[1]!, role: roles[1]!, email: 'not-an-address private' });
    rows.push({ ...rows[0]! });
    const input = join(dir, 'hostile.csv');
    writeFileSync(input, toCsv(rows, ['event', 'date', 'person', 'organisation', 'role', 'email']));
    const secrets = await secretsOf(input, { names: ['Verborgen Afgewezen'], emails: [...new Set(rows.map((r) => r.email!))], roles: ['afgewezen rol'] });
    expect(secrets.names).toEqual(expect.arrayContaining(people.map((p) => p.replace(/^=/, '=')))); // all people are in the model
    const out = join(dir, 'hostile-safe');
    const run = runCli(['analyze', input, '--out', out, '--safe'], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(1); // the 31/02 row is an input error; the outputs are written from the rest
    expect(run.stderr).toContain('row');
    const files = readFolder(out);
    expect(files.size).toBe(11);
    expect(leaks(files, run.stdout + run.stderr, secrets)).toEqual([]);
    // validate --json is not a safe command (it reports values to fix), but it never echoes e-mail addresses.
    const validate = runCli(['validate', '--json', input]);
    for (const email of secrets.emails) expect(validate.stdout).not.toContain(email);
  }, 240_000);
});
