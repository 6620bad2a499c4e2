/** @mycorrhiza/core: attendance records to partner networks. */
export * from './errors.js';
export * from './options.js';
export * from './types.js';
export * from './model/index.js';
export * from './export/csv.js';
