import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateIds, templates } from '../../templates/index.ts';
import { KEYS_BEGIN, KEYS_END, withGeneratedKeys } from '../../src/cli/draft-format-doc.ts';
import { readDraftJson } from '../../src/domain/draft-file.ts';
import { TEXT_LIMITS } from '../../src/domain/text-limits.ts';
import { indexTemplate, narrativeSections } from '../../src/domain/template.ts';

const DOC_PATH = fileURLToPath(new URL('../../public/draft-format.md', import.meta.url));
const doc = readFileSync(DOC_PATH, 'utf8');

describe('public/draft-format.md', () => {
  it('has its key lists up to date (run `npm run schema` after changing a template)', () => {
    expect(doc).toBe(withGeneratedKeys(doc));
  });

  it('lists every key of every template, with its label, in the section of its template', () => {
    const generated = doc.slice(doc.indexOf(KEYS_BEGIN), doc.indexOf(KEYS_END));
    for (const id of templateIds) {
      const start = generated.indexOf(`### \`"template": "${id}"\``);
      expect(start, id).toBeGreaterThan(0);
      const next = generated.indexOf('### `"template"', start + 1);
      const section = generated.slice(start, next < 0 ? undefined : next);
      for (const cell of indexTemplate(templates[id]).cells) {
        expect(section, `${id} ${cell.key}`).toContain(`| \`${cell.key}\` | ${[cell.rowLabel, cell.columnLabel].filter(Boolean).join(' / ')} |`);
      }
      for (const narrative of narrativeSections(templates[id])) {
        for (const part of narrative.parts) expect(generated).toContain(`| \`narrative.${narrative.id}\`（${narrative.heading}） | \`${part.key}\` | ${part.title} |`);
      }
    }
  });

  it('states the text limits the program applies (src/domain/text-limits.ts)', () => {
    expect(doc).toContain(`${TEXT_LIMITS.fieldCharacters} 字，${TEXT_LIMITS.fieldParagraphs} 段 |`);
    expect(doc).toContain(`${TEXT_LIMITS.lineCharacters} 字，${TEXT_LIMITS.lineParagraphs} 段 |`);
    expect(doc).toContain(`| 每章的部分 \`parts\`（规定的与自行增加的） | ${TEXT_LIMITS.parts} 个 |`);
    expect(doc).toContain(`| 全部文本框合计 | ${TEXT_LIMITS.totalCharacters} 字，${TEXT_LIMITS.totalParagraphs} 段 |`);
  });

  it('documents every top-level field of the draft', () => {
    for (const field of ['formatVersion', 'template', 'year', 'agency', 'preamble', 'narrative', 'fees', 'signature', 'tables', 'meta', 'review', 'settings', '$schema']) {
      expect(doc).toContain(`| \`${field}\` |`);
    }
  });

  it('its JSON examples are drafts the reader accepts', () => {
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const result = readDraftJson(example);
      expect(result.ok, result.ok ? '' : result.problems.map((problem) => problem.message).join('\n')).toBe(true);
    }
  });
});
