/** Time views: snapshots (cumulative, rolling window, after meeting N), growth series, transitions, retention, cohorts, comparisons. */
export { PERIODS, periodEnd, periodLabel, periodStart, windowStart } from './calendar.js';
export type { Period } from './calendar.js';
export { GROWTH_ALL_COLUMNS, GROWTH_COLUMNS, GROWTH_EXTRA_COLUMNS, rowFromGraphs } from './figures.js';
export type { FigureSource, GrowthRow } from './figures.js';
export { GROWTH_DEFAULTS, GROWTH_EVERY, growthDates, growthSeries } from './growth.js';
export type { GrowthEvery, GrowthOptions, GrowthSeries } from './growth.js';
export { createReplay, REPLAY_DEFAULTS } from './replay.js';
export type { Replay, ReplayOptions, ReplaySide, ReplayStep, TieColumns } from './replay.js';
export { replayEvents } from './replay-events.js';
export type { EventReplayRow } from './replay-events.js';
export { snapshotAsOf, snapshotAtMeeting, snapshotWindow } from './snapshot.js';
export type { Snapshot, SnapshotMode } from './snapshot.js';
export { compareTies, tieTransitions } from './transitions.js';
export type { TieChange, TieTransitionLists, TieTransitionOptions, TieTransitions } from './transitions.js';
export { calendarPeriods, cohorts, retention } from './retention.js';
export type { CohortOptions, CohortRow, CohortTable, PeriodSpec, RetentionFigures, RetentionOptions, RetentionRow } from './retention.js';
export { comparePeriods, resolvePeriod } from './compare.js';
export type { ComparedPeriod, PeriodComparison, PeriodFigures } from './compare.js';
