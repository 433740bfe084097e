// @vitest-environment node
/**
 * A variant's table belongs to the section it is placed in: its findings lead to that step and its cell
 * there, its cells count towards that step's progress, and a comment on one of its cells is labelled with
 * that section.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { anchorLabel } from '../../src/domain/review.ts';
import { checkDraft } from '../../src/domain/rules.ts';
import { templateOf } from '../../src/domain/values.ts';
import { locateFinding } from '../../src/features/kernel/locate-finding.ts';
import { stepStatuses } from '../../src/features/kernel/step-status.ts';
import { editorPlace } from '../../src/features/review/anchors.ts';
import { cellInputId } from '../../src/features/kernel/cell-id.ts';

function seed(): Draft {
  const result = readDraftJson(readFileSync(new URL('../fixtures/zhenhai-district-2020-zhejiang.draft.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('the seed does not read');
  return result.draft;
}

const LEADERS = 'proactiveOverview.pressConferencesByLeaders.count';

describe('the Zhejiang table within 二', () => {
  it('its findings lead to step 二 and the cell there', () => {
    const draft = seed();
    (draft.tables.proactiveOverview!.pressConferencesByLeaders as Record<string, number>).count = 20;
    (draft.tables.proactiveOverview!.gazette as Record<string, number | null>).count = null;
    const findings = checkDraft(draft);
    const rule = findings.find((finding) => finding.rule === 'ZJ4')!;
    expect(locateFinding(rule, templateOf(draft))).toEqual({ step: 'proactive', elementId: cellInputId(LEADERS) });
    const blank = findings.find((finding) => finding.rule === 'ZJ2')!;
    expect(locateFinding(blank, templateOf(draft)).step).toBe('proactive');
    const statuses = stepStatuses(draft, findings, templateOf(draft));
    expect(statuses.proactive!.warnings).toBe(2);
    expect(Object.keys(statuses)).not.toContain('proactiveOverview');
  });

  it('its cells count towards 二: complete with them, in progress without', () => {
    const draft = seed();
    expect(stepStatuses(draft, checkDraft(draft), templateOf(draft)).proactive!.fill).toBe('complete');
    (draft.tables.proactiveOverview!.website as Record<string, number | null>).count = null;
    expect(stepStatuses(draft, checkDraft(draft), templateOf(draft)).proactive!.fill).toBe('inProgress');
  });

  it('a comment on one of its cells is labelled with section 二, and leads the clerk there', () => {
    expect(anchorLabel(seed(), { kind: 'cell', cell: LEADERS })).toBe('二、主动公开政府信息情况 · 其中：主要负责同志参加新闻发布会次数 统计数');
    expect(editorPlace({ kind: 'cell', cell: LEADERS }, templateOf(seed()))).toEqual({ step: 'proactive', elementId: cellInputId(LEADERS), mark: 'td' });
  });
});
