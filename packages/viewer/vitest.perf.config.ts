import { browserProject, TIMED_BROWSER_TESTS } from './vitest.browser.config.js';

// The viewer's timed browser tests (rupel first frame and step time, the 10,000-node map's pauses) run after
// the CPU-heavy projects, on their own: group 1 of the root config, one file at a time.
const project = browserProject('viewer-perf', TIMED_BROWSER_TESTS);
project.test = { ...project.test, fileParallelism: false, sequence: { groupOrder: 1 } };
export default project;
