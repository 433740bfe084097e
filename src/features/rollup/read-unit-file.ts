/**
 * One unit's report as the roll-up reads it, with the app's own readers: a draft file or a Word file
 * the app made is read as a draft (`readDraftFile`); a saved web page, or a Word file without the app's
 * draft inside, goes through the importer (`importReportFile`). Never throws.
 */
import type { Draft } from '../../domain/draft-types.ts';
import type { ImportReport } from '../../domain/import/index.ts';
import { importReportFile, isWebPageName } from '../shared/import-report-file.ts';
import { readDraftFile } from '../shared/read-draft-file.ts';

export type UnitFile =
  | { readonly ok: true; readonly fileName: string; readonly draft: Draft; readonly how: string; readonly imported?: ImportReport }
  | { readonly ok: false; readonly fileName: string; readonly message: string };

export async function readUnitFile(file: File): Promise<UnitFile> {
  const fileName = file.name;
  const viaImport = async (how: string): Promise<UnitFile> => {
    const imported = await importReportFile(file);
    return imported.ok ? { ok: true, fileName, draft: imported.draft, how, imported: imported.report } : { ok: false, fileName, message: imported.message };
  };
  if (isWebPageName(fileName)) return viaImport('已发布的网页（导入）');
  const read = await readDraftFile(file);
  const word = /\.docx$/i.test(fileName);
  if (read.ok) return { ok: true, fileName, draft: read.draft, how: word ? '本工具生成的 Word 文件' : '草稿文件' };
  if (word) return viaImport('Word 文件（导入）');
  return { ok: false, fileName, message: read.problems.map((problem) => problem.message).join('；') };
}

/** What the importer could not read or had to guess, in a line for the unit's row; empty when nothing. */
export function importRemark(report: ImportReport): string {
  const unread = report.unreadableCells.length + report.missingCells.length;
  const parts: string[] = [];
  if (unread > 0) parts.push(`${unread} 格没有读出，按空白计入`);
  if (report.unmatchedRows.length > 0) parts.push(`${report.unmatchedRows.length} 行没有读入`);
  if (report.guessedLabels.length > 0) parts.push(`${report.guessedLabels.length} 个行名按最接近的行读入`);
  return parts.join('；');
}
