/** The banner at the top of every screen: the tool's name, then what the current screen adds. */
import type { ReactNode } from 'react';
import { routeHash } from './routing.ts';

export const APP_TITLE = '政府信息公开工作年度报告编制工具';

export function AppHeader({ children, home = true }: { children?: ReactNode; home?: boolean }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <p className="app-title">
          {home ? (
            <a href={routeHash({ page: 'home' })} className="app-title-link" aria-label={`${APP_TITLE}：返回首页`}>
              {APP_TITLE}
            </a>
          ) : (
            APP_TITLE
          )}
        </p>
        {children}
      </div>
    </header>
  );
}

/** A message that must be seen at once (storage refused, another tab). */
export function Banner({
  tone,
  children,
  actions,
}: {
  tone: 'error' | 'warning' | 'info';
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <div className="banner-text">{children}</div>
      {actions && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
