/** Network builders and low-level projections (PRODUCT.md section 2). */
export * from './types.js';
export * from './options.js';
export { selectRows, buildIncidence, type Selection, type Incidence } from './selection.js';
export { accumulatePairs, eventColumns, type PairColumns, type PairTable } from './pair-table.js';
export { buildAdjacency, commonNeighbours, neighbourhoodOverlap, type Adjacency, type OverlapColumns } from './adjacency.js';
export * from './project.js';
export { tieProfiles, graphAttributes, type TieProfileColumns, type NetworkGraphAttributes } from './tie-profile.js';
export * from './person-network.js';
export * from './organisation-network.js';
export * from './two-mode.js';
