// Shared set-up for every test file. DOM matchers are only meaningful in DOM environments, but the
// import is harmless in the node environment.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  if (typeof document !== 'undefined') cleanup();
});
