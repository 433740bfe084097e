/**
 * The shape of a statutory report template.
 *
 * A template is plain, JSON-serialisable data (see `templates/`). Everything else — the form, the
 * checks, the Word tables, the draft-file schema — is generated from it. Nothing here imports React.
 *
 * Tables are described as one or more *matrix parts*: a tree of column headers crossed with a tree of
 * row labels. The physical grid with its merged cells (spec §3/§4) is derived from those trees by
 * `layoutTable` in `table-layout.ts`, so a label is written exactly once.
 */

/** Id of a format of the registry (`templates/index.ts`), derived from its data files. */
export type { TemplateId, VariantId } from '../../templates/index.ts';

/** Kind of value a data cell holds (spec §3 "Cell types", §A.4). */
export type ValueType =
  /** whole number ≥ 0, in 件 */
  | 'count'
  /** whole number, may be negative (2019 table 二 `本年增/减`) */
  | 'signedCount'
  /** number ≥ 0 in 万元, at most 4 decimals */
  | 'amount';

/** A node of the column-header tree. Leaves are data columns. */
export interface ColumnNode {
  /** Key segment contributed to the cell keys below it; omitted for purely visual groups (e.g. 行政诉讼). */
  readonly key?: string;
  /** Exact statutory header text. */
  readonly label: string;
  /** Short label used inside check messages; defaults to `label`. */
  readonly shortLabel?: string;
  /** Number of physical grid columns a leaf occupies (table 二 merges columns 2–4). Default 1. */
  readonly span?: number;
  /** Value type of every cell in this leaf column; inherited from the part when absent. */
  readonly valueType?: ValueType;
  /** Cells in this column are computed by the app (read-only), e.g. 总计. */
  readonly computed?: boolean;
  readonly children?: readonly ColumnNode[];
}

/** A node of the row-label tree. Leaves are data rows. */
export interface RowNode {
  /** Key segment contributed to the cell keys of the rows below it; omitted for visual groups (三、本年度办理结果). */
  readonly key?: string;
  /** Exact statutory label text. Empty for table 四's single unlabeled data row. */
  readonly label: string;
  /** Short label used inside check messages; defaults to `label`. */
  readonly shortLabel?: string;
  /** Names this node so that rules can sum over the leaves below it (`ForEach.group`). */
  readonly group?: string;
  /** Cells in this row are computed by the app (read-only), e.g. （七）总计. */
  readonly computed?: boolean;
  /** Value type for the row's cells, overriding the column's. */
  readonly valueType?: ValueType;
  /** Article of the 条例 the row refers to (spec §1.4), shown as a tooltip only. */
  readonly legalBasis?: string;
  /** Unit printed in the part's unit column (`MatrixPart.unitColumn`), e.g. 条, 次, 篇. */
  readonly unit?: string;
  /**
   * A heading row inside a list table that holds no figure (printed `——` in the unit column and an empty
   * value cell, as in the Zhejiang table). It has no cells and needs no key.
   */
  readonly noFigure?: boolean;
  /** Characters the label is indented by, as printed: the sub-items of a list table (`1.…`, `其中：…`). */
  readonly indent?: number;
  readonly children?: readonly RowNode[];
}

/** One matrix of a table: optional caption row, a header, and data rows. */
export interface MatrixPart {
  /** Caption row spanning the whole table width, e.g. `第二十条第（一）项`. */
  readonly caption?: string;
  /**
   * Text of the top-left corner above the row labels (spanning the label columns and all header rows),
   * e.g. `信息内容` or table 三's 勾稽关系 note. Absent when the part has no row-label column.
   */
  readonly corner?: string;
  /**
   * Header of a column between the row labels and the data columns that prints each row's `unit`
   * (`单位` in a list table of 统计指标 / 单位 / 统计数). Absent: no unit column.
   */
  readonly unitColumn?: string;
  readonly columns: readonly ColumnNode[];
  readonly rows: readonly RowNode[];
  /** Default value type of the part's cells. */
  readonly valueType: ValueType;
}

export interface TableTemplate {
  /** Key of the table inside the draft's `tables` object (spec §A). */
  readonly key: TableKey;
  /**
   * Name of the table in messages. Absent: 表 and the section's numeral (表二, 表三, 表四), which is how
   * the national tables are named; a variant's extra table needs a name of its own.
   */
  readonly title?: string;
  /** Physical width of the grid in columns; every layout row fills it exactly. */
  readonly gridColumns: number;
  /** Number of label columns in front of the data columns (0 for table 四). */
  readonly labelColumns: number;
  /** Relative widths of the physical columns (Word and screen), same length as `gridColumns`. */
  readonly columnWeights: readonly number[];
  /** Header rows (of the first part) repeated on every page in Word. */
  readonly repeatHeader: boolean;
  readonly parts: readonly MatrixPart[];
}

/** Key of a table: camelCase, unique within a format and its variants (`proactive`, `applications` …). */
export type TableKey = string;

/** A free-text part of a narrative section. */
export interface NarrativePartTemplate {
  readonly key: string;
  /** Sub-heading printed in the report, e.g. `主动公开` under 一 or `存在的主要问题` under 五. */
  readonly title: string;
  /** What the clerk should write here. */
  readonly guidance: string;
  /** Optional parts can be left out; an empty optional part is not printed. */
  readonly optional?: boolean;
  /** Below this many characters the part counts as too short (spec §5.6 N12). */
  readonly minLength?: number;
}

/** Id of a section of a format: camelCase (`overview`, `proactive`, `applications` …). */
export type SectionId = string;

interface SectionBase {
  readonly id: SectionId;
  /** Canonical heading, spec §2.2. */
  readonly heading: string;
  /** Statutory guidance shown to the clerk on the section's page. */
  readonly guidance: string;
  /** Where the guidance comes from. */
  readonly source: string;
}

export interface NarrativeSectionTemplate extends SectionBase {
  readonly kind: 'narrative';
  /** Whether the clerk may add further sub-topics of their own (一、总体情况). */
  readonly allowExtraParts: boolean;
  /** Whether an introductory paragraph precedes the parts. */
  readonly hasIntro: boolean;
  /** Whether the section carries the structured 信息处理费 statement (六). */
  readonly hasFeeStatement: boolean;
  /**
   * Whether the format asks the report to make that statement. The 2021 format does (its 六 reports the fee
   * of the 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号); the 2019 format predates the 办法, and its
   * reports say nothing of the fee (the 2020 sample's 六: 本年度无其他需要报告事项). An import reads a fee
   * statement wherever it finds one, but says that none was read only where the format asks for it.
   */
  readonly feeStatementRequired: boolean;
  readonly parts: readonly NarrativePartTemplate[];
}

export interface TableSectionTemplate extends SectionBase {
  readonly kind: 'table';
  /** Sentence printed before the table; empty for none. */
  readonly lead: string;
  readonly table: TableTemplate;
  /** Tables a local variant adds to the section, before or after `table` (see `sectionTables`). */
  readonly extraTables?: readonly PlacedTable[];
}

/** A table a variant places inside a table section, with its own lead line (e.g. `1.…`). */
export interface PlacedTable {
  readonly position: 'before' | 'after';
  /** Line printed before the table, e.g. `1.不同渠道方式主动公开及回应解读总体情况`. */
  readonly lead: string;
  readonly table: TableTemplate;
}

export type SectionTemplate = NarrativeSectionTemplate | TableSectionTemplate;

export type Severity = 'error' | 'warning';

/**
 * A reference to cells inside a rule. `$`-variables are bound by the rule's `forEach`.
 * Example: `applications.newReceived.$col` with `$col` over the columns of table 三.
 */
export type CellPattern = string;

/** One term of a linear relation: a cell of this year's report or of last year's, with a sign. */
export interface Term {
  readonly cell: CellPattern;
  /** The cell is read from last year's draft (cross-year rules C1–C4). */
  readonly previousYear?: boolean;
  /** Subtract instead of add. */
  readonly negate?: boolean;
  /** Label used in the message; defaults to the cell's short label. Required with `sumOver`. */
  readonly label?: string;
  /**
   * The term stands for the sum of `cell` over every binding of this variable (e.g. all result rows of
   * table 三); messages show the sum under `label`, not each part.
   */
  readonly sumOver?: ForEach;
}

/** Binds `$var` to each leaf key of a table's columns or rows, or to each keyed column group. */
export interface ForEach {
  readonly variable: string;
  readonly table: TableKey;
  /**
   * `columns`: every leaf column key (table 三: naturalPerson … total);
   * `rows`: every leaf row key path (table 三: newReceived … carriedForward; table 二: regulations …);
   * `columnGroups`: every column node with a key that has keyed leaf children (table 四: review, litigationDirect, litigationAfterReview).
   */
  readonly over: 'columns' | 'rows' | 'columnGroups';
  /** Only the rows or columns of these matrix parts (indexes into `TableTemplate.parts`). */
  readonly parts?: readonly number[];
  /** With `rows`: only the leaves below the row node carrying this `group` id. */
  readonly group?: string;
  /** Leave these bindings out (e.g. the computed row itself). */
  readonly except?: readonly string[];
}

interface RuleBase {
  /** Spec rule id: R3.1 … C4. Several expanded instances share one id. */
  readonly id: string;
  readonly severity: Severity;
  /** Where the rule comes from (spec table, row, column, or notice text). */
  readonly source: string;
  /** Short statement of the rule for the clerk, in Chinese. */
  readonly description: string;
  readonly forEach?: ForEach;
}

/**
 * `left` relation `right`, each side a signed sum of terms.
 * `sum` rules additionally say that `left[0]` is computed from `right` (`computes: true`).
 */
export interface RelationRule extends RuleBase {
  readonly kind: 'relation';
  readonly relation: 'equal' | 'lessOrEqual' | 'greaterOrEqual';
  readonly left: readonly Term[];
  readonly right: readonly Term[];
  /** This rule defines a computed cell: the single term on the left is the sum of the right. */
  readonly computes?: boolean;
  /** Only evaluated when last year's draft is given and uses this template id. */
  readonly needsPreviousTemplate?: string;
  /**
   * The input cell a clerk would correct when an `equal` rule fails, so that the checks can offer a
   * one-click fix (`suggestFix`): R3.1 → 结转下年度, C1 → 上年结转. Defining rules (`computes`) need
   * none: their fix is always the computed cell. Must name a cell of exactly one this-year term.
   */
  readonly fixTarget?: CellPattern;
}

/** Every cell of the listed tables holds a value of its declared type (R3.4, R4.2, R2.1, R2.2, R2.19a). */
export interface ValueTypeRule extends RuleBase {
  readonly kind: 'valueType';
  readonly table: TableKey;
  /** Restrict to cells of these value types; all when absent. */
  readonly valueTypes?: readonly ValueType[];
}

/** Untouched (null) input cells are reported once per table area (R3.5 and the blank parts of R4.2). */
export interface FilledRule extends RuleBase {
  readonly kind: 'filled';
  readonly table: TableKey;
}

export type RuleTemplate = RelationRule | ValueTypeRule | FilledRule;

export interface ReportTemplate {
  /** Registry id, stored in every draft (`template`). */
  readonly id: string;
  /** Name of the format on screen, e.g. `2021年版格式`. */
  readonly name: string;
  /**
   * Revision of the format's data. Raised whenever a change alters the draft's keys (a row added, a key
   * renamed or moved), with a migration in `migrations` that brings a draft of the previous revision up.
   */
  readonly revision: number;
  /** How a draft of an older revision becomes one of `revision`, one step per revision. */
  readonly migrations?: readonly TemplateMigration[];
  /** Set on a format with a local variant applied (`applyVariant`): which variant. */
  readonly variant?: { readonly id: string; readonly name: string };
  /** Name of the format notice, e.g. `国办公开办函〔2021〕30号`. */
  readonly notice: string;
  /** Full title of the notice, used in the 编制说明. */
  readonly noticeTitle: string;
  /** Report years this format applies to (inclusive; `lastYear` null = still current). */
  readonly firstYear: number;
  readonly lastYear: number | null;
  readonly sections: readonly SectionTemplate[];
  readonly rules: readonly RuleTemplate[];
}

/**
 * One step of a draft's tables from revision `from` to `from + 1` of its format. Paths are dotted keys
 * inside `tables` (spec §A), e.g. `applications.otherHandling.other`.
 */
export interface TemplateMigration {
  readonly from: number;
  readonly changes: readonly TemplateChange[];
}

export type TemplateChange =
  /** A row or cells the new revision adds: every cell of the new revision below `path` starts untouched (null). */
  | { readonly kind: 'add'; readonly path: string }
  /**
   * A key renamed or a row moved: the values below `from` move to `to`. There is deliberately no removal:
   * a row a revision drops is moved to where its figures now belong, so nothing the clerk typed is lost.
   */
  | { readonly kind: 'move'; readonly from: string; readonly to: string };

/** Rows a variant adds to a part of one of the format's tables, where a local notice adds them. */
export interface VariantRows {
  readonly table: TableKey;
  /** Index into `TableTemplate.parts`. */
  readonly part: number;
  /** Key of the top-level row after which the rows go; absent: at the end of the part. */
  readonly after?: string;
  readonly rows: readonly RowNode[];
}

/** What a variant adds to one table section of its format. */
export interface VariantSection {
  readonly section: SectionId;
  /** Replaces the lead line of the format's own table, e.g. `2.主动公开政府信息具体情况`. */
  readonly lead?: string;
  readonly tables: readonly PlacedTable[];
}

/**
 * A local variant: a province's additions to a national format for given years (one data file under
 * `templates/variants/`). A draft names its variant (`variant`); none means 全国通用.
 */
export interface TemplateVariant {
  /** Registry id, stored in the draft (`variant`). */
  readonly id: string;
  /** Name on screen, e.g. `浙江省`. */
  readonly name: string;
  /** Where the additions come from (the provincial notice or the published reports). */
  readonly source: string;
  /** Id of the format the variant extends. */
  readonly format: string;
  readonly firstYear: number;
  readonly lastYear: number | null;
  readonly sections: readonly VariantSection[];
  readonly rows?: readonly VariantRows[];
  readonly rules: readonly RuleTemplate[];
}
