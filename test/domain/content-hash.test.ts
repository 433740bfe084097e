import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templates } from '../../templates/index.ts';
import { canonicalContent, canonicalJson, contentHash, sha256Fallback, sha256Hex } from '../../src/domain/content-hash.ts';
import type { Draft } from '../../src/domain/draft-types.ts';
import { emptyDraft, flattenTables } from '../../src/domain/values.ts';
import { office2023Draft } from '../helpers/fixtures.ts';
import { partOf, partText } from '../helpers/narrative.ts';

/** The same value with every object's keys in reverse order, at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reverseKeys(child)]));
  }
  return value;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('contentHash', () => {
  const office = office2023Draft();

  it('is the SHA-256 of the canonical content JSON, 64 hex digits', async () => {
    const hash = await contentHash(office);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(canonicalJson(canonicalContent(office)), 'utf8').digest('hex'));
  });

  it('does not depend on key order or on how the file was written', async () => {
    const hash = await contentHash(office);
    const reordered = reverseKeys(office) as Draft;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(office));
    expect(await contentHash(reordered)).toBe(hash);
    expect(await contentHash(JSON.parse(JSON.stringify(office)) as Draft)).toBe(hash);
    expect(await contentHash(JSON.parse(JSON.stringify(office, null, 2)) as Draft)).toBe(hash);
  });

  it('reads missing cells and missing texts as their defaults, as the draft reader does', async () => {
    const template = templates['2021'];
    const full = emptyDraft(template, 2025, '某某区人民政府办公室', new Date('2025-01-05T00:00:00Z'));
    const partial = structuredClone(full) as Partial<Draft> & Pick<Draft, 'template' | 'year' | 'agency'>;
    delete partial.preamble;
    delete partial.narrative;
    delete partial.fees;
    partial.tables = { applications: { newReceived: {} } };
    expect(await contentHash(partial as Draft)).toBe(await contentHash(full));
  });

  it('ignores meta and review, and covers the settings (they are part of what is approved)', async () => {
    const hash = await contentHash(office);
    const changed: Draft = {
      ...office,
      meta: { createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z' },
      review: { status: 'submitted', approval: null, history: [], comments: [] },
    };
    expect(await contentHash(changed)).toBe(hash);
    // Absent settings read as the defaults.
    expect(await contentHash({ ...office, settings: { requireApproval: true } })).toBe(await contentHash({ ...office, settings: undefined } as Draft));
    expect(await contentHash({ ...office, settings: { requireApproval: false } })).not.toBe(await contentHash({ ...office, settings: { requireApproval: true } }));
  });

  it('changes with any change of content', async () => {
    const hash = await contentHash(office);
    const edits: ((draft: Draft) => void)[] = [
      (draft) => {
        (draft.tables.applications!.newReceived as Record<string, number>).naturalPerson! += 1;
      },
      (draft) => {
        (draft.tables.applications!.carriedOver as Record<string, number | null>).commercial = null;
      },
      (draft) => {
        draft.agency.name += '（改）';
      },
      (draft) => {
        partOf(draft, 'problems', 'problems').text += '。';
      },
      (draft) => {
        draft.fees.collectedAmount = 1;
      },
      (draft) => {
        draft.signature.include = !draft.signature.include;
      },
      (draft) => {
        draft.preamble = '另写的编制说明';
      },
      (draft) => {
        draft.year = 2024;
      },
    ];
    const hashes = await Promise.all(
      edits.map(async (edit) => {
        const draft = structuredClone(office);
        edit(draft);
        return contentHash(draft);
      }),
    );
    for (const changed of hashes) expect(changed).not.toBe(hash);
    expect(new Set(hashes).size).toBe(edits.length);
  });

  it('covers a content field added to the draft later (deny-list, not allow-list)', async () => {
    const extended = { ...office, publicationDate: '2024-01-20' } as Draft;
    expect(await contentHash(extended)).not.toBe(await contentHash(office));
  });

  it('tells 0 from an untouched cell', async () => {
    const template = templates['2019'];
    const blank = emptyDraft(template, 2020, '某某区人民政府');
    const zero = structuredClone(blank);
    (zero.tables.reviewLitigation!.review as Record<string, number | null>).upheld = 0;
    expect(flattenTables(template, zero.tables)['reviewLitigation.review.upheld']).toBe(0);
    expect(await contentHash(zero)).not.toBe(await contentHash(blank));
  });

  it('gives the same hash without Web Crypto (plain-http intranet server)', async () => {
    const hash = await contentHash(office);
    vi.stubGlobal('crypto', undefined);
    expect(globalThis.crypto).toBeUndefined();
    expect(await contentHash(office)).toBe(hash);
  });
});

describe('sha256Fallback', () => {
  it('matches the FIPS 180-4 examples', () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(hex(sha256Fallback(ascii('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256Fallback(ascii('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256Fallback(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on every length around the block boundaries', async () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const expected = createHash('sha256').update(bytes).digest('hex');
      expect(hex(sha256Fallback(bytes)), `length ${length}`).toBe(expected);
    }
    const large = new Uint8Array(randomBytes(100_000));
    expect(await sha256Hex(large)).toBe(hex(sha256Fallback(large)));
  });
});
