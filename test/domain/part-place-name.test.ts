/**
 * How the check's messages name a narrative part: as the editor labels its field. Under heading lines by
 * the ordinal it prints with; as a lead-in, which prints no number, by its title in quotes, or by its place
 * when it has none.
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/domain/draft-types.ts';
import { narrativeOutline, partPlaceName } from '../../src/domain/report-outline.ts';
import { returnForChanges, submitForReview, type ReviewResult } from '../../src/domain/review.ts';
import { changesSinceReviewed } from '../../src/domain/round-changes.ts';
import { narrativeSections } from '../../src/domain/template.ts';
import { narrativePlaces } from '../../src/domain/text-numbers.ts';
import { templateOf } from '../../src/domain/values.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { partOf } from '../helpers/narrative.ts';

describe('partPlaceName', () => {
  it('names a part under a heading line by its ordinal and title', () => {
    const draft = office2023Draft();
    const names = narrativePlaces(draft, templateOf(draft)).map((place) => place.name);
    expect(names).toContain('一、总体情况（二）依申请公开');
    expect(names).toContain('五、存在的主要问题及改进情况（一）存在的主要问题');
  });

  it('names a lead-in by its title in quotes, without a number', () => {
    const draft = office2023Draft();
    draft.narrative.problems!.style = 'leadIns';
    partOf(draft, 'problems', 'problems').title = '主要问题';
    const names = narrativePlaces(draft, templateOf(draft))
      .filter((place) => place.section.id === 'problems')
      .map((place) => place.name);
    expect(names).toEqual(['五、存在的主要问题及改进情况“主要问题”', '五、存在的主要问题及改进情况“改进情况”']);
  });

  it('names a lead-in of the clerk’s own without a title by its place among the parts', () => {
    const draft = office2023Draft();
    const overview = draft.narrative.overview!;
    overview.style = 'leadIns';
    overview.parts.push({ id: 'p1', topic: null, title: '', text: '严格落实政务新媒体监管要求。' });
    const section = narrativeSections(templateOf(draft)).find((candidate) => candidate.id === 'overview')!;
    const own = narrativeOutline(section, overview, true).parts.find((part) => part.key === 'p1')!;
    // The sample's five topics and one part of its own come first: this is the seventh.
    expect(overview.parts).toHaveLength(7);
    expect(partPlaceName(section, own)).toBe('一、总体情况第 7 部分');
  });

  it('names a lead-in the same way in the list of changes since the last round', () => {
    const ok = (result: ReviewResult): Draft => {
      if (!result.ok) throw new Error(result.message);
      return result.draft;
    };
    const draft = office2023Draft();
    draft.narrative.problems!.style = 'leadIns';
    partOf(draft, 'problems', 'problems').title = '主要问题';
    const at = new Date(Date.UTC(2024, 0, 20, 8, 0));
    const returned = ok(returnForChanges(ok(submitForReview(draft, '李晓明', at)), { name: '王建国', role: '办公室主任' }, [{ anchor: { kind: 'paragraph', section: 'problems', part: 'problems' }, text: '问题写得太笼统' }], at));
    const edited = structuredClone(returned);
    partOf(edited, 'problems', 'problems').text = '政策解读形式较为单一。';
    expect(changesSinceReviewed(edited)?.changes.map((change) => change.place)).toEqual(['五、存在的主要问题及改进情况“主要问题” 第1段']);
  });
});
