import { expect, test } from 'vitest';

test('the browser project runs in real Chromium with WebGL2', () => {
  const canvas = document.createElement('canvas');
  expect(canvas.getContext('webgl2')).not.toBeNull();
});
