/** Sorting of the attention list (pure): by score, name or number of reasons; ties broken by id. */
import type { AttentionItemView } from '../worker/protocol.js';
import type { AttentionSort } from './state.js';

export function sortedAttention(items: readonly AttentionItemView[], by: AttentionSort, desc: boolean): AttentionItemView[] {
  const sign = desc ? -1 : 1;
  const key = (i: AttentionItemView): number | string => (by === 'score' ? i.score : by === 'reasons' ? i.reasons.length : i.name.toLocaleLowerCase());
  return [...items].sort((a, b) => {
    const ka = key(a), kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return c * sign || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
