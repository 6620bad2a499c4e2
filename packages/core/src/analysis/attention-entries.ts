/** Adapter from the analysis to the attention module (partners needing attention, PRODUCT.md section 4). */
import { attention } from '../attention/attention.js';
import type { NetworkOptions } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { AttentionEntry } from './types.js';

/** Options passed on to `attention`. */
export interface AttentionCallOptions extends NetworkOptions {
  driftAfter: string;
  convenor: string | null;
}

/** Flagged organisations, highest score first, with reasons (numbers and sentences) and introductions. */
export function attentionEntries(model: AttendanceModel, options: AttentionCallOptions): AttentionEntry[] {
  return attention(model, { ...options, level: 'organisation' }).map((item) => ({
    id: item.id,
    name: item.name,
    score: item.score,
    reasons: item.reasons.map((r) => ({ code: r.code, numbers: { ...r.numbers }, text: { en: r.text.en, nl: r.text.nl } })),
    suggestions: item.suggestions.map((s) => ({ id: s.id, name: s.name, code: s.reason.code, reason: { en: s.reason.text.en, nl: s.reason.text.nl } })),
  }));
}
