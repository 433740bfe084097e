/**
 * What a screen shows that another feature owns (last year's notices, the review panels). The shell
 * (src/app) passes these in, so a feature never imports another one; this module only names their
 * shapes.
 */
import type { ComponentType, ReactNode } from 'react';
import type { Draft } from '../../domain/draft-types.ts';
import type { LastYear } from './last-year-source.ts';

export interface CrossYearNoticesProps {
  readonly current: Draft;
  readonly lastYear: LastYear;
  readonly headingLevel?: 2 | 3;
  /** Where to attach one when there is none (the editor links to 基本信息). */
  readonly attachHint?: ReactNode;
}

/** The comparison with last year's report (src/features/last-year), shown on the check page and in review. */
export type CrossYearNoticesComponent = ComponentType<CrossYearNoticesProps>;
