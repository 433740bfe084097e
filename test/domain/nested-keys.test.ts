// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readPath, writePath, type NestedRecord } from '../../src/domain/nested-keys.ts';

describe('readPath', () => {
  const tables = { received: { natural: 3, legal: { business: null } }, note: 'x' };

  it('reads a leaf, a null leaf and a whole level', () => {
    expect(readPath(tables, ['received', 'natural'])).toBe(3);
    expect(readPath(tables, ['received', 'legal', 'business'])).toBeNull();
    expect(readPath(tables, ['received', 'legal'])).toEqual({ business: null });
    expect(readPath(tables, [])).toBe(tables);
  });

  it('finds nothing past a missing level or a level that is not an object', () => {
    expect(readPath(tables, ['missing', 'natural'])).toBeUndefined();
    expect(readPath(tables, ['received', 'natural', 'deeper'])).toBeUndefined();
    expect(readPath(tables, ['note', 'length'])).toBeUndefined();
    expect(readPath(tables, ['received', 'legal', 'business', 'x'])).toBeUndefined();
    expect(readPath(undefined, ['received'])).toBeUndefined();
    expect(readPath(null, ['received'])).toBeUndefined();
  });

  it('never reads what an object inherits', () => {
    expect(readPath({}, ['toString'])).toBeUndefined();
    expect(readPath({ a: {} }, ['a', 'constructor'])).toBeUndefined();
    expect(readPath({}, ['__proto__'])).toBeUndefined();
  });

  it('walks through arrays, which react-hook-form makes of numeric key segments', () => {
    expect(readPath({ rows: ['a', 'b'] }, ['rows', '1'])).toBe('b');
  });
});

describe('writePath', () => {
  it('creates the levels on the way and keeps what is beside them', () => {
    const root: NestedRecord = { received: { legal: 1 } };
    writePath(root, ['received', 'natural'], 2);
    writePath(root, ['pending', 'carried', 'over'], null);
    expect(root).toEqual({ received: { legal: 1, natural: 2 }, pending: { carried: { over: null } } });
  });

  it('replaces a level that is not an object, then what it wrote reads back', () => {
    const root: NestedRecord = { received: 5, other: null };
    writePath(root, ['received', 'natural'], '12');
    writePath(root, ['other', 'x'], 1);
    expect(root).toEqual({ received: { natural: '12' }, other: { x: 1 } });
    expect(readPath(root, ['received', 'natural'])).toBe('12');
  });

  it('never writes into what an object inherits', () => {
    const root: NestedRecord = {};
    writePath(root, ['constructor', 'x'], 1);
    expect(readPath(root, ['constructor', 'x'])).toBe(1);
    expect((Object as unknown as NestedRecord)['x']).toBeUndefined();
    writePath({}, ['__proto__', 'polluted'], 1);
    expect((Object.prototype as NestedRecord)['polluted']).toBeUndefined();
    expect(({} as NestedRecord)['polluted']).toBeUndefined();
  });
});
