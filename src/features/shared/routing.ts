/**
 * Navigation state in the URL hash (`#/`, `#/draft/<id>/<step>`): survives a reload, works from a
 * file share or any sub-folder, and needs no router library for two screens.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'draft'; readonly draftId: string; readonly step: string | null }
  /** The supervisor's review of a report received as a file (src/features/review). */
  | { readonly page: 'review'; readonly sessionId: string }
  /** 汇总下级单位报告: the units' reports rolled up into the government's draft (src/features/rollup). */
  | { readonly page: 'rollup' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'draft' && parts[1]) return { page: 'draft', draftId: parts[1], step: parts[2] ?? null };
  if (parts[0] === 'review' && parts[1]) return { page: 'review', sessionId: parts[1] };
  if (parts[0] === 'rollup') return { page: 'rollup' };
  return { page: 'home' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function routeHash(route: Route): string {
  if (route.page === 'home') return '#/';
  if (route.page === 'review') return `#/review/${encodeURIComponent(route.sessionId)}`;
  if (route.page === 'rollup') return '#/rollup';
  return `#/draft/${encodeURIComponent(route.draftId)}${route.step ? `/${encodeURIComponent(route.step)}` : ''}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
    // replaceState fires no hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

export function useRoute(): [Route, typeof navigate] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const route = parseRouteMemo(hash);
  return [route, useCallback(navigate, [])];
}

let lastHash: string | null = null;
let lastRoute: Route = { page: 'home' };
function parseRouteMemo(hash: string): Route {
  if (hash !== lastHash) {
    lastHash = hash;
    lastRoute = parseHash(hash);
  }
  return lastRoute;
}
