/** Partners needing attention: reasons, scores, introductions, and the convenor lens. */
export { attention, attentionReport, findConvenor, wholeMonthsBetween } from './attention.js';
export type { AttentionReport, JudgedNode } from './attention.js';
export { withoutConvenor } from './convenor.js';
export type { LensFigures, UnconnectedEntry, WithoutConvenorResult } from './convenor.js';
export { componentIndex, dependence } from './structure.js';
export type { ComponentIndex, Dependence, StructureGraph } from './structure.js';
export { durationText, reasonText, suggestionText } from './text.js';
export type { Bilingual } from './text.js';
export { ATTENTION_DEFAULTS, ATTENTION_LEVELS, ATTENTION_WEIGHTS, REASON_CODES, SUGGESTION_CODES } from './types.js';
export type { AttentionItem, AttentionLevel, AttentionOptions, AttentionReason, AttentionSuggestion, ReasonCode, SuggestionCode } from './types.js';
