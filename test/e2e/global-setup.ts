/**
 * Builds the app once and serves the production build on a free loopback port for the browser tests.
 * The address reaches the tests through `inject('baseUrl')`.
 */
import type { PreviewServer } from 'vite';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report its address');
  project.provide('baseUrl', address);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
