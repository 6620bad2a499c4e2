import { defineConfig } from 'vite';

// @mycorrhiza/core is pure (no module-level side effects, see shared/STYLE.md), so modules of it that the viewer
// does not use are left out of both bundles, which shortens the page's and the worker's start.
const treeshake = { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]core[\\/]/.test(id) };

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, rolldownOptions: { treeshake } },
  // ES module worker (it is started with `type: 'module'`): lets the worker load the readers and the panels'
  // analyses as separate chunks on first use instead of compiling them before the first map.
  worker: { format: 'es', rolldownOptions: { treeshake } },
});
