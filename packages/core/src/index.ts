/** @mycorrhiza/core: attendance records to partner networks. */
export * from './errors.js';
export * from './options.js';
export * from './types.js';
export * from './model/index.js';
export * from './export/csv.js';
export * from './network/index.js';
export * from './ties/index.js';
export * from './centrality/index.js';
export * from './community/index.js';
export * from './io/index.js';
export * from './examples/index.js';
export * from './time/index.js';
export * from './attention/index.js';
export * from './analysis/index.js';
