/**
 * Bringing an older draft up to date, in one place: the draft file's own format versions
 * (`FILE_MIGRATIONS`, keyed by the version they upgrade from) and the revisions of a report format
 * (`ReportTemplate.migrations`, data in the format's file, keyed by the revision they upgrade from).
 *
 * Both run on the parsed JSON before the schema reads it, so a draft saved by an older program, or for an
 * older revision of its format, opens with every value where the current format keeps it: nothing the
 * clerk typed is lost, and a row a revision adds starts untouched (null). A migration never guesses: a
 * value at a place the migration does not name stays where it is, and the schema then names it if the
 * new revision has no such place.
 */
import { isTemplateId, templates } from '../../templates/index.ts';
import { DRAFT_FORMAT_VERSION, type Draft } from './draft-types.ts';
import { indexTemplate, narrativeSections } from './template.ts';
import type { NarrativeSectionTemplate, ReportTemplate, TemplateChange } from './template-types.ts';
import { resolveTemplate } from './variant.ts';

type Json = Record<string, unknown>;

/**
 * Draft file format migrations, by the version they upgrade from.
 * 1 → 2: the draft records its format's revision; drafts of version 1 were written for revision 1 of their
 * format (the only one there was), and for the national format alone (全国通用: no `variant`).
 * 2 → 3: narrative sections become ordered lists of parts (`narrativeToParts`).
 */
const FILE_MIGRATIONS: Readonly<Record<number, (data: Json) => Json>> = {
  1: (data) => ({ ...data, formatVersion: 2, templateRevision: 1 }),
  2: (data) => ({ ...data, formatVersion: 3, ...(isObject(data.narrative) ? { narrative: narrativeToParts(data) } : {}) }),
};

/**
 * 2 → 3: each narrative section's template parts (a record keyed by part key) and the clerk's added
 * sub-topics (`extraParts`) become one ordered list of parts: the template parts in template order, with
 * their official titles and their key as `id` and `topic`, then the added ones as `extra.<n>` without a
 * topic. Ids equal the comment anchors of version 2 (`<part key>`, `extra.<n>`), so comments keep pointing
 * at the same text. A section holding something the schema must refuse keeps it, for the schema to name at
 * its new place: a key the template does not have becomes a part with that topic, a malformed list of
 * added sub-topics stays what it was.
 */
function narrativeToParts(data: Json): Json {
  const template = isTemplateId(data.template) ? templates[data.template] : undefined;
  const sections = template ? narrativeSections(template) : [];
  const narrative = data.narrative as Json;
  const out: Json = {};
  for (const [id, value] of Object.entries(narrative)) {
    const section = sections.find((candidate) => candidate.id === id);
    out[id] = section && isObject(value) ? sectionToParts(section, value) : value;
  }
  return out;
}

function sectionToParts(section: NarrativeSectionTemplate, value: Json): Json {
  const { parts, extraParts, ...rest } = value;
  const record = parts === undefined ? {} : parts;
  if (!isObject(record)) return value;
  // A key the template does not have (a typo in a file from elsewhere) becomes a part naming it as its topic,
  // which the schema then refuses at its place, text and all, rather than dropping it.
  const unknown = Object.keys(record).filter((key) => !section.parts.some((part) => part.key === key));
  const extras = extraParts === undefined ? [] : extraParts;
  // A malformed list of added sub-topics (not an array, or an item that is no object) is carried over as it
  // is, to be named by the schema at its new place; a text of the wrong type likewise (no `?? ''`).
  const added = Array.isArray(extras)
    ? extras.map((extra, index) => (isObject(extra) ? { ...extra, id: `extra.${index}`, topic: null } : extra))
    : [extras];
  return {
    ...rest,
    style: 'headings',
    parts: [
      ...section.parts.map((part) => ({
        id: part.key,
        topic: part.key,
        title: part.title,
        text: Object.prototype.hasOwnProperty.call(record, part.key) ? record[part.key] : '',
      })),
      ...unknown.map((key) => ({ id: key, topic: key, title: '', text: record[key] })),
      ...added,
    ],
  };
}

export type MigrationResult = { ok: true; data: Json } | { ok: false; path: string; message: string };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Upgrades a parsed draft of an older file version; the caller has checked `formatVersion` is 1 … current. */
export function migrateFileFormat(data: Json): Json {
  let current = data;
  for (let version = Number(current.formatVersion); version < DRAFT_FORMAT_VERSION; version++) {
    const step = FILE_MIGRATIONS[version];
    if (!step) throw new Error(`no draft file migration from version ${version}`);
    current = step(current);
  }
  return current;
}

function lookup(root: Json, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/** The object at `path`, created (as {}) where missing; undefined when a non-object is in the way. */
function objectAt(root: Json, path: readonly string[]): Json | undefined {
  let node = root;
  for (const segment of path) {
    const next = node[segment];
    if (next === undefined) node[segment] = {};
    else if (!isObject(next)) return undefined;
    node = node[segment] as Json;
  }
  return node;
}

function applyChange(tables: Json, change: TemplateChange, template: ReportTemplate): void {
  if (change.kind === 'add') {
    const [table] = change.path.split('.');
    // A table the producer left out reads as all-null anyway; only tables present need the new cells.
    if (!isObject(tables[table!])) return;
    for (const cell of indexTemplate(template).cells) {
      if (cell.key !== change.path && !cell.key.startsWith(`${change.path}.`)) continue;
      const path = cell.key.split('.');
      const parent = objectAt(tables, path.slice(0, -1));
      if (parent && parent[path[path.length - 1]!] === undefined) parent[path[path.length - 1]!] = null;
    }
    return;
  }
  const from = change.from.split('.');
  const value = lookup(tables, from);
  if (value === undefined) return;
  const to = change.to.split('.');
  const target = objectAt(tables, to.slice(0, -1));
  // Something else in the way (a file edited by hand): leave the values where they are, for the reader to name.
  if (!target) return;
  delete (lookup(tables, from.slice(0, -1)) as Json)[from[from.length - 1]!];
  target[to[to.length - 1]!] = value;
}

/**
 * Upgrades the tables of a parsed draft (file version current) from its `templateRevision` to the
 * template's revision, step by step. Refuses a revision newer than the template's (the draft was written by
 * a newer program) or one that is not a whole number, with a message for the clerk.
 */
export function migrateTemplateRevision(data: Json, template: ReportTemplate): MigrationResult {
  const stated = data.templateRevision;
  if (stated === undefined) return { ok: true, data };
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated < 1) {
    return { ok: false, path: 'templateRevision', message: `报告格式修订号 templateRevision 应为不小于 1 的整数，文件中是 ${String(JSON.stringify(stated)).slice(0, 40)}` };
  }
  if (stated > template.revision) {
    return {
      ok: false,
      path: 'templateRevision',
      message:
        `草稿按${template.name}的第 ${stated} 次修订填写，本程序只认识到第 ${template.revision} 次修订。` +
        '请使用更新版本的本工具打开；文件本身没有被改动。',
    };
  }
  if (stated === template.revision) return { ok: true, data };
  const copy = structuredClone(data);
  const tables = isObject(copy.tables) ? copy.tables : undefined;
  for (let revision = stated; revision < template.revision; revision++) {
    const migration = template.migrations?.find((candidate) => candidate.from === revision);
    if (!migration) throw new Error(`template ${template.id} has no migration from revision ${revision}`);
    if (tables) for (const change of migration.changes) applyChange(tables, change, template);
  }
  copy.templateRevision = template.revision;
  return { ok: true, data: copy };
}

/**
 * A draft kept as an object by an older program (the browser's storage holds drafts as objects, not as
 * files), brought up to the current draft format and its format's current revision as reading a file
 * would. A draft that cannot be brought up (a revision newer than this program's) is returned as it is,
 * so that nothing is dropped; the same object comes back when nothing needs doing.
 */
export function upgradeDraft(draft: Draft): Draft {
  if (!isTemplateId(draft.template)) return draft;
  const template = resolveTemplate(draft.template, draft.variant);
  if (draft.formatVersion === DRAFT_FORMAT_VERSION && draft.templateRevision === template.revision) return draft;
  const current = migrateFileFormat(draft as unknown as Json);
  const migrated = migrateTemplateRevision(current, template);
  return (migrated.ok ? migrated.data : current) as unknown as Draft;
}
