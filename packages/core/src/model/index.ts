export * from './build-model.js';
export * from './dates.js';
export * from './identity.js';
