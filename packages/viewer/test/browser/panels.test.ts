/**
 * Viewer II in real Chromium: partner details against core's organisationNetwork, the attention list and the
 * convenor lens against core's attention / withoutConvenor, presenter-safe (no person name in text, accessible
 * names or exports), the PNG / SVG / WebM exports, Dutch labels, and names that look like HTML.
 */
import { attention, buildModel, EXAMPLES, generateExample, organisationNetwork, withoutConvenor } from '@mycorrhiza/core';
import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { EN } from '../../src/i18n/en.js';
import { NL } from '../../src/i18n/nl.js';
import { until, viewerHarness } from './harness.js';

const { mount, host } = viewerHarness(1400, 820);

const rupel = buildModel(generateExample('rupel'));
const q = (sel: string) => host().querySelector(sel) as HTMLElement;

test('clicking an organisation on the map opens its details with the ties core reports as of the date', async () => {
  const h = mount({ example: 'rupel' });
  await h.ready;
  const step = 40;
  h.store.dispatch({ type: 'setStep', step });
  const date = h.store.getState().frameInfo!.date!;
  // Click the largest visible organisation where the renderer draws it.
  const r = h.map.renderer!;
  const pos = r.visiblePositions();
  const id = [...pos.keys()].sort((a, b) => (r.sigma.getNodeDisplayData(b)!.size - r.sigma.getNodeDisplayData(a)!.size))[0]!;
  const p = pos.get(id)!;
  await userEvent.click(q('[data-testid="map"]'), { position: { x: Math.round(p.x), y: Math.round(p.y) } });
  await until(() => h.store.getState().selected === id, 5_000, 'the selection');
  await until(() => h.store.getState().details?.status === 'ready', 10_000, 'the details');
  const d = h.store.getState().details!.value!;
  const g = organisationNetwork(rupel, { to: date });
  const expected = g
    .edges(id)
    .map((e) => {
      const a = g.getEdgeAttributes(e);
      return { id: g.opposite(id, e), shared: a.shared_events, cls: a.class, state: a.state, last: a.last_shared };
    })
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const shown = d.ties.map((t) => ({ id: t.id, shared: t.shared_events, cls: t.class, state: t.state, last: t.last_shared })).sort((x, y) => (x.id < y.id ? -1 : 1));
  expect(shown).toEqual(expected);
  expect(q('[data-testid="details-name"]').textContent).toBe(rupel.organisations.find((o) => o.id === id)!.name);
  expect(q('[data-testid="details-ties"]').querySelectorAll('tbody tr').length).toBe(expected.length);
  expect(q('.mz-attendance-chart').querySelectorAll('circle').length).toBe(d.attendance.length);
  console.log(`[viewer] details of ${id} as of ${date}: ${d.ties.length} ties (core: ${expected.length}), ${d.attendance.length} events attended`);
});

test('an attention row focuses its partner; the convenor toggle shows who core says becomes unconnected', async () => {
  const h = mount({ example: 'rupel' });
  await h.ready;
  await until(() => h.store.getState().attention?.status === 'ready', 15_000, 'the attention list');
  const convenor = h.store.getState().convenor!;
  const convenorName = EXAMPLES.find((e) => e.name === 'rupel')!.convenor!;
  expect(rupel.organisations.find((o) => o.id === convenor)!.name).toBe(convenorName);
  const asOf = h.store.getState().frameInfo!.date!;
  const core = attention(rupel, { asOf, convenor });
  const rows = [...host().querySelectorAll('[data-testid="attention-list"] > li')].map((li) => (li as HTMLElement).dataset.id);
  expect(rows).toEqual(core.map((i) => i.id));

  const camera = JSON.stringify(h.map.renderer!.sigma.getCamera().getState());
  const row = host().querySelectorAll('[data-testid="attention-focus"]')[2] as HTMLButtonElement;
  const target = (row.closest('li') as HTMLElement).dataset.id!;
  row.click();
  expect(h.store.getState().selected).toBe(target);
  await new Promise((r) => setTimeout(r, 800));
  const moved = JSON.stringify(h.map.renderer!.sigma.getCamera().getState());
  expect(moved).not.toBe(camera);
  // The camera came to rest on the partner: it is near the middle of the map.
  const { width, height } = h.map.renderer!.sigma.getDimensions();
  const at = h.map.renderer!.visiblePositions().get(target)!;
  expect(Math.abs(at.x - width / 2)).toBeLessThan(width * 0.1);
  expect(Math.abs(at.y - height / 2)).toBeLessThan(height * 0.1);

  h.store.dispatch({ type: 'setTab', tab: 'attention' });
  (q('[data-testid="without-convenor"]') as HTMLInputElement).click();
  await until(() => h.store.getState().attention?.value?.without != null && h.store.getState().attention?.status === 'ready', 20_000, 'the list without the convenor');
  const lens = withoutConvenor(rupel, convenor, { asOf });
  const unconnected = [...host().querySelectorAll('[data-testid="unconnected"] button')].map((b) => (b as HTMLElement).dataset.id);
  expect(unconnected).toEqual(lens.unconnected.organisations.map((o) => o.id));
  const rowsWithout = [...host().querySelectorAll('[data-testid="attention-list"] > li')].map((li) => (li as HTMLElement).dataset.id);
  expect(rowsWithout).toEqual(lens.attention.items.map((i) => i.id));
  // The convenor is left off the map.
  expect(h.map.renderer!.visiblePositions().has(convenor)).toBe(true);
  expect(h.map.renderer!.picture().nodes.some((n) => n.id === convenor)).toBe(false);
  console.log(`[viewer] rupel attention: ${core.length} flagged; without ${convenorName}: ${lens.unconnected.organisations.length} organisations unconnected, ${lens.attention.items.length} flagged`);
});

/** All attribute values that name an element for assistive technology or tooltips. */
function accessibleNames(root: Element): string {
  const out: string[] = [];
  for (const e of root.querySelectorAll('*')) for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) if (e.hasAttribute(a)) out.push(e.getAttribute(a)!);
  return out.join('\n');
}

test('presenter-safe: no person name in the page text, accessible names, search or an exported SVG', async () => {
  const h = mount({ example: 'rupel' }, { view: 'people' });
  await h.ready;
  h.store.dispatch({ type: 'setSafe', on: true });
  h.store.dispatch({ type: 'setPersonLabels', on: true });
  const person = rupel.people[3]!;
  h.focusNode(person.id);
  await until(() => h.store.getState().details?.status === 'ready', 15_000, 'the details');
  h.store.dispatch({ type: 'setSearch', text: person.name });
  await new Promise((r) => setTimeout(r, 50));
  expect(h.store.getState().searchResults).toEqual([]);
  h.store.dispatch({ type: 'setSearch', text: person.id });
  await until(() => h.store.getState().searchResults.length > 0, 2_000, 'a search by code');
  const svg = h.exports.svg()!;
  const text = document.body.innerText + '\n' + accessibleNames(document.body) + '\n' + document.title + '\n' + h.exports.csv('ties');
  const names = rupel.people.map((p) => p.name);
  const leaks = names.filter((n) => text.includes(n) || svg.includes(n));
  expect(leaks).toEqual([]);
  expect(q('[data-testid="safe-badge"]').hidden).toBe(false);
  expect(q('[data-testid="details-name"]').textContent).toBe(person.id);
  expect(svg).toContain(`>${person.id}<`);
  // Switched off, the names are back (the check above can fail).
  h.store.dispatch({ type: 'setSafe', on: false });
  await until(() => h.store.getState().details?.value?.name === person.name, 10_000, 'the name back');
  console.log(`[viewer] presenter-safe: checked ${names.length} person names against ${text.length} characters of page text and ${svg.length} of SVG`);
});

test('PNG, SVG and WebM exports are produced and non-trivial', async () => {
  const downloads: { name: string; blob: Blob }[] = [];
  const h = mount({ example: 'rupel' }, { onDownload: (name, blob) => downloads.push({ name, blob }) });
  await h.ready;
  const svgText = h.exports.svg()!;
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  const circles = doc.querySelectorAll('circle').length;
  const lines = doc.querySelectorAll('line').length;
  expect(circles).toBeGreaterThanOrEqual(88);
  expect(lines).toBeGreaterThan(1000);
  expect(svgText).toContain('88 organisations');
  expect(svgText).toContain('strong = 3 or more shared');

  const png = (await h.exports.png())!;
  const bitmap = await createImageBitmap(png);
  const c = document.createElement('canvas');
  c.width = bitmap.width;
  c.height = bitmap.height;
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const px = ctx.getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - 0xf6) + Math.abs(px[i + 1]! - 0xf5) + Math.abs(px[i + 2]! - 0xf1) > 30) ink++;
  expect(ink / (c.width * c.height)).toBeGreaterThan(0.03);

  const t0 = performance.now();
  const video = (await h.exports.video({ fromStep: 0, toStep: 7, msPerStep: 120, fps: 20 }))!;
  const recordMs = performance.now() - t0;
  expect(video.size).toBeGreaterThan(1_000);
  const el = document.createElement('video');
  el.muted = true;
  const url = URL.createObjectURL(video);
  el.src = url;
  await new Promise<void>((resolve, reject) => {
    el.onloadedmetadata = () => resolve();
    el.onerror = () => reject(new Error('the WebM does not load'));
  });
  // MediaRecorder's WebM has no duration in its header: seek far to make the browser find the end.
  if (!Number.isFinite(el.duration)) {
    await new Promise<void>((resolve) => {
      el.ondurationchange = () => Number.isFinite(el.duration) && resolve();
      el.currentTime = 1e6;
    });
  }
  URL.revokeObjectURL(url);
  expect(el.duration).toBeGreaterThan(0.5);
  expect(el.videoWidth).toBeGreaterThan(0);
  // The step is restored after recording.
  expect(h.store.getState().step).toBe(h.store.getState().stepCount - 1);

  await h.exports.download('growth');
  const csv = await downloads.at(-1)!.blob.text();
  expect(csv.split('\n')[0]).toContain('date,events,organisations,people');
  console.log(`[viewer] exports: SVG ${svgText.length} chars (${circles} circles, ${lines} lines); PNG ${png.size} bytes ${bitmap.width}×${bitmap.height}, ${(100 * ink / (c.width * c.height)).toFixed(1)}% ink; WebM ${video.size} bytes, ${el.duration.toFixed(2)} s, recorded in ${recordMs.toFixed(0)} ms`);
});

test('switching to Dutch leaves no English label on the main screen', async () => {
  const h = mount({ example: 'rupel' });
  await h.ready;
  await until(() => h.store.getState().attention?.status === 'ready', 15_000, 'the attention list');
  const fragments = (Object.keys(EN) as (keyof typeof EN)[])
    .filter((k) => EN[k] !== NL[k])
    .flatMap((k) => EN[k].split(/\{\w+\}/).map((f) => f.trim()))
    .filter((f) => f.length >= 4 && /[a-z]{3}/i.test(f) && !Object.values(NL).some((n) => n.includes(f)));
  const before = document.body.innerText;
  const visible = [...new Set(fragments.filter((f) => before.includes(f)))];
  expect(visible.length).toBeGreaterThan(20);
  (q('[data-testid="lang"]') as HTMLSelectElement).value = 'nl';
  q('[data-testid="lang"]').dispatchEvent(new Event('change'));
  await until(() => h.store.getState().attention?.status === 'ready' && h.store.getState().lang === 'nl', 5_000, 'Dutch');
  const after = document.body.innerText;
  expect(visible.filter((f) => after.includes(f))).toEqual([]);
  expect(after).toContain('88 organisaties');
  expect(after).toContain('Partners die aandacht vragen');
  console.log(`[viewer] Dutch: ${visible.length} English fragments visible before, none after`);
});

test('a name that looks like HTML renders as text everywhere (details, search, SVG)', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const csv = [
    'event,date,person,organisation,sector',
    `A,2023-01-10,${evil} Jansen,${evil} vzw,welzijn`,
    'A,2023-01-10,Bo Peeters,Gemeente Boom,lokaal bestuur',
    `B,2023-02-10,${evil} Jansen,${evil} vzw,welzijn`,
    'B,2023-02-10,Bo Peeters,Gemeente Boom,lokaal bestuur',
  ].join('\n');
  const h = mount({ files: [{ name: 'evil.csv', bytes: new TextEncoder().encode(csv) }] });
  await h.ready;
  const org = h.map.scene!.nodeId[h.map.scene!.nodeLabel.indexOf(`${evil} vzw`)]!;
  h.focusNode(org);
  await until(() => h.store.getState().details?.status === 'ready', 10_000, 'the details');
  h.store.dispatch({ type: 'setSearch', text: '<img' });
  await until(() => h.store.getState().searchResults.length > 0, 2_000, 'the search');
  expect(document.querySelectorAll('img').length).toBe(0);
  expect(q('[data-testid="details-name"]').textContent).toBe(`${evil} vzw`);
  expect(document.body.innerText).toContain(`${evil} vzw`);
  expect(q('[data-testid="search-results"]').textContent).toContain(evil);
  const svg = h.exports.svg()!;
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  expect(doc.querySelectorAll('img').length).toBe(0);
  expect([...doc.querySelectorAll('text')].some((t) => t.textContent === `${evil} vzw`)).toBe(true);
});
