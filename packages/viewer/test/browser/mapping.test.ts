/**
 * The column-mapping dialog in real Chromium: a file whose headers core cannot place opens the dialog instead of
 * a map; confirming stays disabled until an event column and a person or organisation column are chosen; the
 * confirmed mapping reads the file; cancel keeps the previous map; header text that looks like HTML stays text.
 */
import { expect, test } from 'vitest';
import { until, viewerHarness } from './harness.js';

const { mount, host } = viewerHarness(1200, 760);

function setFiles(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

// Headers no synonym list knows; the last one is HTML that must never be parsed.
const CSV = [
  'Wat;Wanneer;Wie;<img src=x onerror="window.__pwned=1">',
  'Vorming A;14/03/2023;An Peeters;CAW Rupel',
  'Vorming A;14/03/2023;Bart Claes;Gemeente Boom',
  'Vorming A;14/03/2023;Chris Maes;Politiezone Rupel',
  'Intervisie B;02/05/2023;An Peeters;CAW Rupel',
  'Intervisie B;02/05/2023;Dirk Jacobs;Huis van het Kind',
].join('\r\n');

const select = (header: string) => host().querySelector(`[data-testid="mapping"] select[data-header="${CSS.escape(header)}"]`) as HTMLSelectElement;
const confirmButton = () => host().querySelector('[data-testid="mapping-confirm"]') as HTMLButtonElement;

function choose(header: string, field: string): void {
  const s = select(header);
  s.value = field;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

test('unknown headers open the mapping dialog; the confirmed mapping reads the file', async () => {
  const h = mount({ example: 'davis' });
  await h.ready;
  const input = host().querySelector('[data-testid="file-input"]') as HTMLInputElement;
  setFiles(input, [new File([CSV], 'onbekend.csv', { type: 'text/csv' })]);
  await until(() => h.store.getState().status === 'mapping', 20_000, 'the mapping dialog');

  const dialog = host().querySelector('[data-testid="mapping"]') as HTMLElement;
  expect(dialog.hidden).toBe(false);
  expect(dialog.querySelector('[role="dialog"]')).not.toBeNull();
  // One select per column, each header shown as text (the HTML header is not an element).
  expect(dialog.querySelectorAll('select')).toHaveLength(4);
  expect(dialog.querySelector('img')).toBeNull();
  expect(dialog.textContent).toContain('<img src=x onerror="window.__pwned=1">');
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  expect(dialog.textContent).toContain('onbekend.csv');

  for (const header of ['Wat', 'Wanneer', 'Wie', '<img src=x onerror="window.__pwned=1">']) choose(header, '');
  expect(confirmButton().disabled).toBe(true);
  choose('Wat', 'event');
  expect(confirmButton().disabled).toBe(true);
  choose('Wie', 'person');
  expect(confirmButton().disabled).toBe(false);
  choose('Wanneer', 'date');
  choose('<img src=x onerror="window.__pwned=1">', 'organisation');
  confirmButton().click();

  await until(() => h.store.getState().status === 'ready' && h.store.getState().source?.kind === 'files', 20_000, 'the mapped file');
  const s = h.store.getState();
  expect(s.mapping).toBeNull();
  expect(dialog.hidden).toBe(true);
  expect(s.report!.counts).toMatchObject({ rows: 5, used: 5, rejected: 0, people: 4, organisations: 4, events: 2 });
  h.store.dispatch({ type: 'setStep', step: 1 });
  expect(h.store.getState().frameInfo!.organisations).toBe(4);
});

test('cancel closes the dialog and keeps the map that was shown', async () => {
  const h = mount({ example: 'davis' });
  await h.ready;
  const before = h.map.scene;
  const input = host().querySelector('[data-testid="file-input"]') as HTMLInputElement;
  setFiles(input, [new File([CSV], 'onbekend.csv', { type: 'text/csv' })]);
  await until(() => h.store.getState().status === 'mapping', 20_000, 'the mapping dialog');
  const cancel = [...host().querySelectorAll('[data-testid="mapping"] button')].find((b) => b !== confirmButton()) as HTMLButtonElement;
  cancel.click();
  await until(() => h.store.getState().status === 'ready', 20_000, 'the previous map');
  expect(h.store.getState().mapping).toBeNull();
  expect(h.map.scene).toBe(before);
  expect((host().querySelector('[data-testid="mapping"]') as HTMLElement).hidden).toBe(true);
});
