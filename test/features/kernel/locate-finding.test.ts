// @vitest-environment node
/**
 * A finding about a narrative part points at the part's text or title by the part's id, wherever the
 * clerk has moved it (ids of older drafts hold a dot: `extra.0`); one about a removed topic, at its step.
 */
import { describe, expect, it } from 'vitest';
import { report2021 } from '../../../templates/report-2021.ts';
import type { Finding } from '../../../src/domain/findings.ts';
import { locateFinding } from '../../../src/features/kernel/locate-finding.ts';

const at = (...cells: string[]): Finding => ({ rule: 'T1', severity: 'error', cells, message: '' });

describe('locateFinding for narrative parts', () => {
  it('finds the text and the title of a part by its id', () => {
    expect(locateFinding(at('narrative.problems.parts.problems'), report2021)).toEqual({ step: 'problems', elementId: 'narrative-problems-problems' });
    expect(locateFinding(at('narrative.overview.parts.p3.title'), report2021)).toEqual({ step: 'overview', elementId: 'narrative-overview-p3-title' });
    expect(locateFinding(at('narrative.overview.parts.extra.0'), report2021)).toEqual({ step: 'overview', elementId: 'narrative-overview-extra-0' });
    expect(locateFinding(at('narrative.overview.parts.extra.0.title'), report2021)).toEqual({ step: 'overview', elementId: 'narrative-overview-extra-0-title' });
  });

  it('sends a finding about the section (a required topic removed) to its step', () => {
    expect(locateFinding(at('narrative.problems'), report2021)).toEqual({ step: 'problems' });
  });
});
