/**
 * The sample drafts for the bench, read as the app reads a file (`readDraftJson`: the fixtures are kept in
 * the draft format they were written in and are brought up to the current one), so a case measures the
 * drafts the app really holds.
 */
import { readFileSync } from 'node:fs';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import type { Draft } from '../../src/domain/draft-types.ts';

export function fixtureText(file: string): string {
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
}

export function fixtureDraft(file: string): Draft {
  const read = readDraftJson(fixtureText(file));
  if (!read.ok) throw new Error(`fixture ${file} does not read: ${JSON.stringify(read.problems.slice(0, 3))}`);
  return read.draft;
}
