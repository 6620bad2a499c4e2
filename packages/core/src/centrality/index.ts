/** Node measures: degree, tie counts, strength, betweenness (exact ties), Burt's structural holes, core number. */
export * from './betweenness.js';
export * from './betweenness-kernel.js';
export * from './betweenness-sample.js';
export * from './betweenness-twins.js';
export * from './compact.js';
export * from './compact-projection.js';
export * from './core-number.js';
export * from './node-measures.js';
export * from './strength.js';
export * from './structural-holes.js';
