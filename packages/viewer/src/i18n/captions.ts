/** Caption and legend sentences shared by the screen and the exports (built from the one dictionary). */
import type { ViewerState } from '../state/state.js';
import type { Translate } from './index.js';

/** A duration such as `9m` in words. */
export function durationText(t: Translate, text: string): string {
  const m = /^\s*(\d+)\s*([dwmy])/i.exec(text);
  if (!m) return text;
  const n = Number(m[1]);
  const u = m[2]!.toLowerCase();
  if (u === 'm') return t(n === 1 ? 'duration.month' : 'duration.months', { n });
  if (u === 'y') return t('duration.years', { n });
  if (u === 'w') return t('duration.weeks', { n });
  return t('duration.days', { n });
}

/** The counters of the caption as separate phrases ("88 organisations", "452 participants", ...). */
export function counterPhrases(t: Translate, s: ViewerState): string[] {
  const f = s.frameInfo;
  if (!f) return [];
  const window = s.mode === 'window';
  const parts: string[] = [];
  const orgKey = window ? 'counter.activeOrganisations' : f.organisations === 1 ? 'counter.organisation' : 'counter.organisations';
  const pplKey = window ? 'counter.activePeople' : f.people === 1 ? 'counter.person' : 'counter.people';
  if (s.legend?.hasOrganisations !== false) parts.push(t(orgKey, { n: f.organisations }));
  parts.push(t(pplKey, { n: f.people }));
  if (s.view === 'two-mode') parts.push(t('counter.events', { n: f.events }), t('counter.attendances', { n: f.links }));
  else parts.push(t(f.strong === 1 ? 'counter.strongOne' : 'counter.strong', { n: f.strong }));
  return parts;
}

/** The tie rule of the legend in words, or null when the view has no ties. */
export function ruleText(t: Translate, s: ViewerState): string | null {
  const l = s.legend;
  if (!l || !l.hasTies) return null;
  return t('legend.rule', { strongMin: l.strongMin, fadeAfter: durationText(t, l.fadeAfter) });
}
