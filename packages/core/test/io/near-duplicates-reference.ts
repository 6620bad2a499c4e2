/**
 * `findNearDuplicates` and `jaroWinkler` as they were before the reader was made faster (verbatim apart from
 * types), kept as the reference that near-duplicates-fast.test.ts compares the current ones with.
 */
import { formatCsvValue } from '../../src/export/csv.js';
import type { NearDuplicateOptions } from '../../src/io/near-duplicates.js';
import type { Suggestion } from '../../src/io/types.js';
import { nameKey } from '../../src/model/identity.js';
import { resolveOptions } from '../../src/options.js';

const NEAR_DUPLICATE_DEFAULTS: Readonly<Required<NearDuplicateOptions>> = Object.freeze({ threshold: 0.92, window: 8, limit: 1000 });

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4 characters). */
export function referenceJaroWinkler(a: string, b: string): number {
    if (a === b)
        return 1;
    const la = a.length, lb = b.length;
    if (la === 0 || lb === 0)
        return 0;
    const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
    const ma = new Uint8Array(la), mb = new Uint8Array(lb);
    let matches = 0;
    for (let i = 0; i < la; i++) {
        const lo = Math.max(0, i - range), hi = Math.min(lb - 1, i + range);
        for (let j = lo; j <= hi; j++) {
            if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
                ma[i] = mb[j] = 1;
                matches++;
                break;
            }
        }
    }
    if (matches === 0)
        return 0;
    let t = 0;
    for (let i = 0, j = 0; i < la; i++) {
        if (!ma[i])
            continue;
        while (!mb[j])
            j++;
        if (a.charCodeAt(i) !== b.charCodeAt(j))
            t++;
        j++;
    }
    const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
    let prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix))
        prefix++;
    return jaro + prefix * 0.1 * (1 - jaro);
}
/**
 * Suggest pairs of names that are probably the same. `names` are distinct display names with how often each
 * occurs (the more frequent one is proposed as canonical). Pairs whose numbers differ ("School 1" / "School 2")
 * or whose words have nothing in common are skipped; names shorter than 5 letters only pair when their
 * loose keys are equal.
 */
export function referenceFindNearDuplicates(names: readonly { name: string; count: number }[], kind: 'person' | 'organisation', options?: NearDuplicateOptions): Suggestion[] {
    const { threshold, window, limit } = resolveOptions(NEAR_DUPLICATE_DEFAULTS, options);
    const entries = names.map(({ name, count }) => {
        const key = nameKey(name);
        const words = key.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
        return { name, count, key, loose: words.join(''), sorted: [...words].sort().join(''), digits: (key.match(/\d+/g) ?? []).join(' '), words: new Set(words) };
    });
    const found: Suggestion[] = [];
    const reversed = entries.map((e) => [...e.loose].reverse().join(''));
    const keyOfs = [(i: number) => entries[i]!.loose, (i: number) => reversed[i]!, (i: number) => entries[i]!.sorted];
    const positions: Int32Array[] = [];
    /** Whether ordering r (walked before the current one) already paired i and j (window or run of equal keys). */
    const pairedIn = (r: number, i: number, j: number): boolean => {
        const d = Math.abs(positions[r]![i]! - positions[r]![j]!);
        return d <= window || (d < 64 && keyOfs[r]!(i) === keyOfs[r]!(j));
    };
    const consider = (i: number, j: number, r: number): void => {
        if (i === j)
            return;
        // Each pair once: skip it when an earlier ordering already brought it up (no set of pairs to keep).
        for (let q = 0; q < r; q++)
            if (pairedIn(q, i, j))
                return;
        const A = entries[i]!, B = entries[j]!;
        if (A.key === B.key || A.digits !== B.digits)
            return;
        let similarity: number;
        if (A.loose === B.loose || A.sorted === B.sorted)
            similarity = 1;
        else {
            if (Math.min(A.loose.length, B.loose.length) < 5)
                return;
            if (A.words.size > 1 && B.words.size > 1 && ![...A.words].some((w) => B.words.has(w) || [...B.words].some((v) => referenceJaroWinkler(w, v) >= 0.9)))
                return;
            similarity = Math.max(referenceJaroWinkler(A.loose, B.loose), referenceJaroWinkler(A.sorted, B.sorted));
            if (similarity < threshold)
                return;
        }
        const [rare, common] = A.count < B.count || (A.count === B.count && A.name > B.name) ? [A, B] : [B, A];
        found.push({
            kind,
            a: rare.name,
            b: common.name,
            similarity: Math.round(similarity * 1000) / 1000,
            fix: `If "${rare.name}" and "${common.name}" are the same ${kind}, add this line to an alias file (columns alias,canonical) and pass it with --aliases: ${formatCsvValue(rare.name)},${formatCsvValue(common.name)}`,
        });
    };
    keyOfs.forEach((keyOf, r) => {
        const order = entries.map((_, i) => i).sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : x - y));
        const pos = new Int32Array(order.length);
        order.forEach((v, k) => (pos[v] = k));
        positions.push(pos);
        for (let k = 0; k < order.length; k++) {
            for (let w = 1; w <= window && k + w < order.length; w++)
                consider(order[k]!, order[k + w]!, r);
            // Equal loose keys can outnumber the window: walk the whole run of equals.
            for (let w = window + 1; k + w < order.length && keyOf(order[k + w]!) === keyOf(order[k]!) && w < 64; w++)
                consider(order[k]!, order[k + w]!, r);
        }
    });
    found.sort((x, y) => y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : 1));
    return found.slice(0, limit);
}
