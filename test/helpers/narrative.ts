/**
 * The text of a narrative part by the official topic it stands for, for tests written against the
 * template's parts (`partText(draft, 'problems', 'problems')`). Throws when the draft has no such part, so a
 * test never passes by reading nothing.
 */
import type { Draft, NarrativePart } from '../../src/domain/draft-types.ts';

export function partOf(draft: Pick<Draft, 'narrative'> | undefined, section: string, topic: string): NarrativePart {
  const part = draft?.narrative[section]?.parts.find((candidate) => candidate.topic === topic);
  if (!part) throw new Error(`no part for topic ${section}.${topic}`);
  return part;
}

export function partText(draft: Pick<Draft, 'narrative'> | undefined, section: string, topic: string): string {
  return partOf(draft, section, topic).text;
}

export function setPartText(draft: Pick<Draft, 'narrative'>, section: string, topic: string, text: string): void {
  partOf(draft, section, topic).text = text;
}
