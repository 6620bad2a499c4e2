/** The report's stylesheet: one column of calm typography on screen, A4 pages with section breaks in print. */

export const PALETTE = Object.freeze({
  ink: '#1d2a26',
  muted: '#5d6b66',
  rule: '#d9e0dc',
  organisations: '#1f6f5c',
  people: '#c2701f',
  strong: '#1f6f5c',
  weak: '#9cc8b9',
  fading: '#c9b48f',
  accent: '#8a3b12',
});

/** Fixed colours for sectors, in order of size (the last one repeats for the rest). */
export const SECTOR_COLOURS = Object.freeze(['#1f6f5c', '#c2701f', '#4e79a7', '#a0526d', '#6b8e23', '#8c6bb1', '#d4a017', '#2f8f9d', '#b5523b', '#7f7f7f', '#5b8a72', '#9c755f']);

export const REPORT_CSS = `
:root { --ink: ${PALETTE.ink}; --muted: ${PALETTE.muted}; --rule: ${PALETTE.rule}; --org: ${PALETTE.organisations}; --people: ${PALETTE.people}; --accent: ${PALETTE.accent}; --paper: #fbfaf7; }
* { box-sizing: border-box; }
html { background: #eeece6; }
body { margin: 0; color: var(--ink); font: 15px/1.55 "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif; -webkit-font-smoothing: antialiased; }
main { max-width: 880px; margin: 32px auto; background: var(--paper); padding: 56px 64px 40px; box-shadow: 0 1px 3px rgba(0,0,0,.08), 0 12px 40px rgba(0,0,0,.06); }
header.cover { border-bottom: 3px solid var(--org); padding-bottom: 22px; margin-bottom: 8px; }
.kicker { text-transform: uppercase; letter-spacing: .14em; font-size: 11.5px; color: var(--org); font-weight: 700; margin: 0 0 6px; }
h1 { font: 600 34px/1.15 Georgia, "Times New Roman", serif; margin: 0 0 8px; letter-spacing: -.01em; }
h2 { font: 600 22px/1.25 Georgia, "Times New Roman", serif; margin: 0 0 6px; }
h2 .num { color: var(--org); font-weight: 400; margin-right: 10px; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 20px 0 6px; }
p { margin: 0 0 10px; }
.lead { color: var(--muted); margin-bottom: 14px; }
.subtitle { font-size: 17px; color: var(--muted); margin: 0; }
.generated { font-size: 12.5px; color: var(--muted); margin-top: 10px; }
.badge { display: inline-block; border: 1px solid var(--accent); color: var(--accent); border-radius: 3px; padding: 1px 8px; font-size: 12px; font-weight: 600; margin-top: 10px; }
section { padding: 26px 0 14px; border-top: 1px solid var(--rule); }
header.cover + section { border-top: 0; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin: 8px 0 4px; }
.figure { border-left: 3px solid var(--org); padding: 4px 0 4px 12px; }
.figure.people { border-color: var(--people); }
.figure .value { font: 600 28px/1.1 Georgia, serif; white-space: nowrap; }
.figure .value .arrow { color: var(--muted); font-weight: 400; margin: 0 3px; }
.figure .label { font-size: 13px; color: var(--muted); }
.chart { display: block; max-width: 100%; height: auto; margin: 4px 0 8px; font-family: inherit; }
.chart .grid { stroke: #e6ebe8; stroke-width: 1; }
.chart .axis { stroke: #9aa7a2; stroke-width: 1; }
.chart .tick { font-size: 10.5px; fill: #6f7c77; }
.chart .series { fill: none; stroke-width: 2.4; stroke-linejoin: round; stroke-linecap: round; }
.chart .end-label { font-size: 11.5px; font-weight: 600; }
.chart .bar-label { font-size: 12px; fill: var(--ink); }
.chart .bar-value { font-size: 11.5px; fill: var(--muted); }
.chart .axis-label { font-size: 11px; fill: var(--muted); }
.chart .marker { stroke: var(--accent); stroke-dasharray: 3 3; }
.chart .marker-label { font-size: 11px; fill: var(--accent); }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12.5px; color: var(--muted); margin: 2px 0 8px; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; background: var(--c); }
.rule { background: #f1f4f2; border-left: 3px solid var(--org); padding: 9px 14px; font-size: 14px; margin: 8px 0 14px; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 6px 0 12px; }
th { text-align: left; font-size: 11.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid var(--ink); padding: 6px 8px 5px 0; }
td { border-bottom: 1px solid var(--rule); padding: 7px 8px 7px 0; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
td .sub { display: block; font-size: 12px; color: var(--muted); }
ul.plain { margin: 0; padding: 0; list-style: none; }
ul.plain li { margin: 0 0 3px; }
.reason-code { display: inline-block; font-size: 10.5px; letter-spacing: .04em; text-transform: uppercase; color: var(--accent); border: 1px solid #e3c9b8; border-radius: 3px; padding: 0 5px; margin-right: 5px; }
.score { font: 600 16px Georgia, serif; }
.note { background: #fbf3e6; border-left: 3px solid var(--people); padding: 10px 14px; font-size: 14px; margin: 6px 0 12px; }
.cols { columns: 2; column-gap: 28px; font-size: 13.5px; }
.cols li { break-inside: avoid; }
dl.methods dt { font-weight: 700; margin-top: 10px; }
dl.methods dd { margin: 2px 0 0; }
ol.refs { font-size: 13px; padding-left: 20px; }
ol.refs li { margin-bottom: 4px; }
a { color: var(--org); }
.options { font-size: 12.5px; }
.options td { padding: 3px 8px 3px 0; }
footer { margin-top: 24px; padding-top: 12px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
.up { color: var(--org); } .down { color: var(--accent); }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; background: none; }
  section { break-before: page; border-top: 0; padding-top: 0; }
  section.keep { break-before: auto; padding-top: 14px; }
  h2, h3 { break-after: avoid; }
  .chart, table, .figures { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@media (max-width: 720px) { main { padding: 28px 20px; margin: 0; } .figures { grid-template-columns: repeat(2, 1fr); } .two { grid-template-columns: 1fr; } }
`;
