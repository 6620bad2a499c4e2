/** The timeline under the map: play / pause, step back and forward, scrub, mode and speed. */
import { formatDate } from '../i18n/index.js';
import { TIME_MODES, type TimeMode } from '../scene/types.js';
import { SPEEDS, type ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, icon, listen, setChildren } from './dom.js';

export function mountTimeline(root: HTMLElement, ctx: UiContext): () => void {
  const { store } = ctx;
  const play = el('button', { class: 'mz-button mz-play', attrs: { type: 'button', 'data-testid': 'play' } });
  const back = el('button', { class: 'mz-button mz-icon', attrs: { type: 'button', 'data-testid': 'step-back' } }, [icon('back')]);
  const forward = el('button', { class: 'mz-button mz-icon', attrs: { type: 'button', 'data-testid': 'step-forward' } }, [icon('forward')]);
  const range = el('input', { class: 'mz-range', attrs: { type: 'range', min: '0', max: '0', step: '1', value: '0', 'data-testid': 'scrub' } });
  const label = el('div', { class: 'mz-time-label', attrs: { 'data-testid': 'time-label' } });
  const mode = el('select', { class: 'mz-select', attrs: { 'data-testid': 'mode' } });
  const speed = el('select', { class: 'mz-select', attrs: { 'data-testid': 'speed' } });
  root.append(
    el('div', { class: 'mz-time-buttons' }, [back, play, forward]),
    el('div', { class: 'mz-time-track' }, [range, label]),
    el('div', { class: 'mz-time-options' }, [mode, speed]),
  );
  const offs = [
    listen(play, 'click', () => store.dispatch({ type: store.getState().playing ? 'pause' : 'play' })),
    listen(back, 'click', () => {
      store.dispatch({ type: 'pause' });
      store.dispatch({ type: 'stepBy', delta: -1 });
    }),
    listen(forward, 'click', () => {
      store.dispatch({ type: 'pause' });
      store.dispatch({ type: 'stepBy', delta: 1 });
    }),
    listen(range, 'input', () => {
      store.dispatch({ type: 'pause' });
      store.dispatch({ type: 'setStep', step: Number(range.value) });
    }),
    listen(speed, 'change', () => store.dispatch({ type: 'setSpeed', speed: Number(speed.value) })),
    listen(mode, 'change', () => ctx.intents.setMode(mode.value as TimeMode)),
  ];

  function renderStatic(s: ViewerState): void {
    const t = ctx.t();
    back.title = t('time.back');
    forward.title = t('time.forward');
    range.setAttribute('aria-label', t('time.scrub'));
    const months = s.legend?.windowMonths ?? 12;
    setChildren(mode, TIME_MODES.map((m) => el('option', { text: t(`time.mode.${m}`, { months }), attrs: { value: m } })));
    mode.value = s.mode;
    mode.title = t('time.mode');
    setChildren(speed, SPEEDS.map((v) => el('option', { text: `${v}×`, attrs: { value: String(v) } })));
    speed.value = String(s.speed);
    speed.title = t('time.speed');
  }
  function renderDynamic(s: ViewerState): void {
    const t = ctx.t();
    setChildren(play, [icon(s.playing ? 'pause' : 'play'), el('span', { text: s.playing ? t('time.pause') : t('time.play') })]);
    play.setAttribute('aria-pressed', String(s.playing));
    range.max = String(Math.max(0, s.stepCount - 1));
    if (range.value !== String(s.step)) range.value = String(s.step);
    const disabled = s.stepCount <= 1;
    for (const b of [play, back, forward, range, mode]) (b as HTMLButtonElement).disabled = disabled;
    const f = s.frameInfo;
    label.textContent = f ? `${formatDate(s.lang, f.date)}  ·  ${s.step + 1} / ${s.stepCount}` : '';
  }
  const s0 = store.getState();
  renderStatic(s0);
  renderDynamic(s0);
  offs.push(
    store.subscribe((s, p) => {
      if (s.lang !== p.lang || s.mode !== p.mode || s.speed !== p.speed || s.legend !== p.legend) renderStatic(s);
      if (s.step !== p.step || s.stepCount !== p.stepCount || s.playing !== p.playing || s.frameInfo !== p.frameInfo || s.lang !== p.lang) renderDynamic(s);
    }),
  );
  return () => {
    offs.forEach((f) => f());
    root.replaceChildren();
  };
}
