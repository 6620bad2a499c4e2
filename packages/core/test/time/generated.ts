/**
 * A small seeded attendance generator for time and attention tests: organisations in sectors, a convenor
 * with staff, people who change organisation, organisation-only rows, one large webinar per quarter, and a
 * person who first comes for a partner and later for the convenor (late staff).
 */
import { buildModel } from '../../src/model/index.js';
import type { AttendanceModel, AttendanceRecord } from '../../src/types.js';

/** Mulberry32: a tiny seeded generator (deterministic across platforms). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOptions {
  seed?: number;
  events?: number;
  organisations?: number;
  people?: number;
  /** Days spanned by the events. */
  days?: number;
}

const SECTORS = ['welfare', 'health', 'education', 'police', 'childcare'];
const TYPES = ['training', 'intervisie', 'dialoog'];

function isoDay(start: string, offset: number): string {
  return new Date(Date.parse(start + 'T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
}

export function generatedRecords(o: GeneratedOptions = {}): AttendanceRecord[] {
  const rnd = mulberry32(o.seed ?? 7);
  const nE = o.events ?? 40, nO = o.organisations ?? 24, nP = o.people ?? 70, days = o.days ?? 700;
  const orgs = Array.from({ length: nO }, (_, i) => ({ name: i === 0 ? 'Convenor' : `Partner ${i}`, sector: SECTORS[i % SECTORS.length]! }));
  const home = Array.from({ length: nP }, (_, i) => (i < 4 ? 0 : 1 + Math.floor(rnd() * (nO - 1))));
  const records: AttendanceRecord[] = [];
  const offsets = Array.from({ length: nE }, () => Math.floor(rnd() * days)).sort((a, b) => a - b);
  for (let e = 0; e < nE; e++) {
    const date = isoDay('2023-01-05', offsets[e]!);
    const big = e % 10 === 9;
    const type = big ? 'webinar' : TYPES[e % TYPES.length]!;
    const event = `${type} ${e + 1}`;
    const size = big ? 25 + Math.floor(rnd() * 10) : 2 + Math.floor(rnd() * 9);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(size, nP)) chosen.add(Math.floor(rnd() ** 1.6 * nP));
    for (const p of chosen) {
      // Late staff: person 10 comes for a partner until mid-way, then for the convenor.
      let org = home[p]!;
      if (p === 10 && e > nE / 2) org = 0;
      else if (rnd() < 0.08) org = 1 + Math.floor(rnd() * (nO - 1));
      records.push({ event, date, event_type: type, person: `Person ${p}`, organisation: orgs[org]!.name, sector: orgs[org]!.sector });
    }
    if (rnd() < 0.25) {
      const org = 1 + Math.floor(rnd() * (nO - 1));
      records.push({ event, date, event_type: type, person: null, organisation: orgs[org]!.name, sector: orgs[org]!.sector });
    }
  }
  return records;
}

export function generatedModel(o: GeneratedOptions = {}): AttendanceModel {
  return buildModel(generatedRecords(o));
}
