/** Community detection (seeded Louvain) and the seeded random source. */
export * from './louvain.js';
export * from './rng.js';
