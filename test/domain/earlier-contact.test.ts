import { describe, expect, it } from 'vitest';
import { report2019 } from '../../templates/report-2019.ts';
import { report2021 } from '../../templates/report-2021.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { emptyDraft, withEarlierContact } from '../../src/domain/values.ts';

const AGENCY = '某某县教育局';

function withContact(draft: Draft, contact: Partial<Draft['agency']>): Draft {
  return { ...draft, agency: { ...draft.agency, ...contact } };
}

describe('a new report takes over the agency contact from its newest earlier report', () => {
  const y2023 = withContact(emptyDraft(report2021, 2023, AGENCY), { address: '某某县文化路 1 号', postcode: '315000', phone: '0574-1111111', website: '旧网站' });
  const y2024 = withContact(emptyDraft(report2021, 2024, AGENCY), { address: '某某县人民路 8 号', postcode: '315200', phone: '0574-86661234', website: '' });

  it('copies address, postcode, phone and website from the newest earlier year, not an older one', () => {
    const created = withEarlierContact(emptyDraft(report2021, 2025, AGENCY), [y2023, y2024]);
    expect(created.agency).toEqual({ name: AGENCY, address: '某某县人民路 8 号', postcode: '315200', phone: '0574-86661234', website: '' });
  });

  it('takes nothing from a report of the same or a later year', () => {
    const y2025 = withContact(emptyDraft(report2021, 2025, AGENCY), { address: '别处' });
    const created = emptyDraft(report2019, 2020, AGENCY);
    expect(withEarlierContact(created, [y2023, y2024, y2025])).toBe(created);
    const same = emptyDraft(report2021, 2025, AGENCY);
    expect(withEarlierContact(same, [y2025]).agency.address).toBe('');
  });

  it('never overwrites what the new draft already holds, and changes nothing else', () => {
    const created = withContact(emptyDraft(report2021, 2025, AGENCY), { phone: '0574-99999999' });
    const taken = withEarlierContact(created, [y2024]);
    expect(taken.agency.phone).toBe('0574-99999999');
    expect(taken.agency.address).toBe('某某县人民路 8 号');
    expect({ ...taken, agency: created.agency }).toEqual(created);
  });
});
