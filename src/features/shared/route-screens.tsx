/**
 * The whole-page screens a route shows before its content: while it opens something, and when what the
 * address names is not in this browser (a deleted draft, a removed review) with the way back home.
 */
import type { ReactNode } from 'react';
import { AppHeader } from './app-header.tsx';
import { routeHash } from './routing.ts';

/** `text` says what is being opened (正在打开草稿…). */
export function OpeningScreen({ text, home }: { text: string; home?: boolean }) {
  return (
    <>
      <AppHeader home={home} />
      <main id="main" className="home" aria-busy="true">
        <p className="muted">{text}</p>
      </main>
    </>
  );
}

/** `children`: why it may be missing and what the clerk can do. */
export function NotFoundScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <AppHeader />
      <main id="main" className="home">
        <h1>{title}</h1>
        {children}
        <p>
          <a className="button button-primary" href={routeHash({ page: 'home' })}>
            返回首页
          </a>
        </p>
      </main>
    </>
  );
}
