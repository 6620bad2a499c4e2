/** Tie significance (backbone null models, multiple-testing corrections) and tie classification. */
export * from './backbone.js';
export * from './backbone-tests.js';
export * from './bicm.js';
export * from './classify.js';
export * from './correction.js';
export * from './hypergeometric.js';
export * from './poisson-binomial.js';
export { erfc, logChoose, logFactorial, normalCdf, normalPdf } from './special.js';
