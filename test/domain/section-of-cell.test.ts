/**
 * The one mapping of a table cell to the section (and so the editor step) that shows it: the format's own
 * tables, a local variant's table placed inside 二, and keys that are no cell.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '../../templates/index.ts';
import { sectionOfCell } from '../../src/domain/template.ts';
import { resolveTemplate } from '../../src/domain/variant.ts';

describe('sectionOfCell', () => {
  it('finds the section of each of the three tables by a cell key', () => {
    const template = templates['2021'];
    expect(sectionOfCell(template, 'applications.newReceived.naturalPerson')?.heading).toBe('三、收到和处理政府信息公开申请情况');
    expect(sectionOfCell(template, 'reviewLitigation.review.upheld')?.id).toBe('reviewLitigation');
    expect(sectionOfCell(template, 'proactive.regulations.issued')?.id).toBe('proactive');
  });

  it('puts a variant’s table in the section it is placed in, not a section of its own', () => {
    const zhejiang = resolveTemplate('2019', 'zhejiang');
    expect(sectionOfCell(zhejiang, 'proactiveOverview.pressConferencesByLeaders.count')?.heading).toBe('二、主动公开政府信息情况');
    // Without the variant the table does not exist.
    expect(sectionOfCell(templates['2019'], 'proactiveOverview.pressConferencesByLeaders.count')).toBeUndefined();
  });

  it('knows no section for a key that is no cell: a table area, a narrative place, a misspelling', () => {
    const template = templates['2021'];
    expect(sectionOfCell(template, 'applications')).toBeUndefined();
    expect(sectionOfCell(template, 'narrative.problems.parts.problems')).toBeUndefined();
    expect(sectionOfCell(template, 'applications.newReceived.naturalPersons')).toBeUndefined();
  });
});
