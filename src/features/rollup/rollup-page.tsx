/**
 * 汇总下级单位报告: the 政务公开办 chooses its departments' and towns' reports (drafts, the app's Word
 * files, published pages or Word files), sees each unit with its year, how it was read and whether its
 * own numbers add up, removes what does not belong, and makes the government's draft with the tables
 * and 信息处理费 summed (`rollUp`, the same as `report rollup`); a unit that left a fee figure blank is named
 * at its row and again, in the same words, in the confirmation before the draft is made. A unit named as the government itself is marked, and summed only once the office confirms
 * that it is a unit's report (as `--include-same-agency` does).
 */
import { useId, useMemo, useRef, useState } from 'react';
import { FEES_BLANK_MARK, feesBlankLead, rollUp, sameAgencyUnits, type RollUpProblem, type RollUpUnit } from '../../domain/rollup.ts';
import { AppHeader } from '../shared/app-header.tsx';
import { FileChooser, REPORT_FILE_ACCEPT } from '../shared/file-chooser.tsx';
import { Modal } from '../shared/modal.tsx';
import { navigate } from '../shared/routing.ts';
import { useServices } from '../shared/services.tsx';
import { importRemark, readUnitFile, type UnitFile } from './read-unit-file.ts';
import './rollup.css';

interface Entry {
  readonly id: number;
  readonly file: UnitFile;
}

function unitLabel(unit: RollUpUnit): string {
  return `${unit.format}${unit.variant ? `（${unit.variant}）` : ''}`;
}

export function RollupPage() {
  const services = useServices();
  const { repository, now } = services;
  const [entries, setEntries] = useState<Entry[]>([]);
  const [reading, setReading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [agency, setAgency] = useState('');
  const [agencyError, setAgencyError] = useState<string | null>(null);
  // The office's word that the units named as the government are units' reports all the same.
  const [sameAgencyConfirmed, setSameAgencyConfirmed] = useState(false);
  const nextId = useRef(1);
  const agencyId = useId();

  const onFiles = async (files: readonly File[]) => {
    setReading(true);
    const read: Entry[] = [];
    for (const file of files) read.push({ id: nextId.current++, file: await readUnitFile(file) });
    setEntries((current) => [...current, ...read]);
    setSameAgencyConfirmed(false);
    setReading(false);
  };

  const units = entries.filter((entry): entry is Entry & { file: Extract<UnitFile, { ok: true }> } => entry.file.ok);
  const failed = entries.filter((entry) => !entry.file.ok);
  const result = useMemo(
    () => (units.length > 0 ? rollUp(units.map((entry) => entry.file.draft), { agency: '', now: now() }) : null),
    // The units decide what the list shows; the agency is asked for only when the draft is made.
    [entries, now],
  );
  const problemsOf = (position: number): RollUpProblem[] =>
    (result?.problems ?? []).filter((problem) => problem.units.includes(position) && (problem.kind === 'duplicateAgency' || problem.kind === 'unitErrors' || problem.kind === 'feesBlank'));
  const general = (result?.problems ?? []).filter((problem) => problem.kind === 'mixedYears' || problem.kind === 'mixedFormats');
  const refused = result === null || !result.ok || failed.length > 0;
  // Units named as the government (the name typed when the draft is made): marked, not summed unconfirmed.
  const sameAgency = result ? sameAgencyUnits(result.units, agency) : [];
  const sameAgencyNames = sameAgency.map((position) => `“${result!.units[position]!.agency.trim()}”`).join('、');
  const uncounted = sameAgencyConfirmed ? 0 : sameAgency.length;
  // Units that left a 信息处理费 figure blank: repeated in the confirmation with their rows' words.
  const feesBlank = (result?.problems ?? []).filter((problem) => problem.kind === 'feesBlank');
  const feesBlankSummary = result ? feesBlankLead(result.units, result.problems) : null;

  const create = async () => {
    const name = agency.trim();
    if (name === '') {
      setAgencyError('请填写本级机关的全称，例如“某某县人民政府”。');
      return;
    }
    const rolled = rollUp(units.map((entry) => entry.file.draft), { agency: name, sameAgencyConfirmed, now: now() });
    if (!rolled.ok) {
      if (rolled.problems.some((problem) => problem.kind === 'sameAsAgency')) {
        setAgencyError(`${sameAgencyNames}与本级机关同名，还没有汇总：请取消后在列表中移除它，或勾选上面的确认。`);
      }
      return;
    }
    let created = await repository.create(rolled.draft);
    if (!created.ok && created.reason === 'refused') created = await services.fallBackToMemory(created.message).create(rolled.draft);
    if (created.ok) navigate({ page: 'draft', draftId: created.record.id, step: null });
    else if (created.reason === 'duplicate') setAgencyError(`此浏览器中已有“${name}”${rolled.draft.year}年度报告的草稿。请先在首页删除或改名，或填写另一个机关全称。`);
    else setAgencyError(created.message);
  };

  return (
    <>
      <AppHeader />
      <main id="main" className="rollup-page" tabIndex={-1}>
        <section className="drafts-panel" aria-labelledby="rollup-heading">
          <div className="panel-head">
            <h1 id="rollup-heading">汇总下级单位报告</h1>
            <div className="button-row">
              <FileChooser
                multiple
                className="button button-primary"
                accept={REPORT_FILE_ACCEPT}
                label="选择下级单位的报告（草稿文件、Word 文件或保存的网页，可多选）"
                onFiles={(files) => void onFiles(files)}
              >
                选择下级单位的报告
              </FileChooser>
              <button type="button" className="button" onClick={() => navigate({ page: 'home' })}>
                返回首页
              </button>
            </div>
          </div>
          <p className="muted">
            选择各部门、乡镇（街道）的年度报告——草稿文件（.json）、本工具生成的 Word 文件，或已发布的网页、Word 文件，可以一次选多个。
            三张表逐格相加：各单位都空着的格仍为空，不填 0；合计、总计按相加后的数字重新计算。六中的信息处理费也逐项相加，有单位没有填写的会在该单位一行指出。正文不汇总，由本级编写。
          </p>
          {reading && <p role="status">正在读取…</p>}
          {general.map((problem) => (
            <p key={problem.kind} className="banner banner-error" role="alert">
              {problem.message}
            </p>
          ))}
          {entries.length === 0 ? (
            <div className="empty-state">
              <p>还没有选择下级单位的报告。</p>
            </div>
          ) : (
            <table className="draft-table rollup-units">
              <caption className="visually-hidden">下级单位的报告</caption>
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  <th scope="col">年度</th>
                  <th scope="col">格式</th>
                  <th scope="col">读入方式</th>
                  <th scope="col">检查</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const position = units.indexOf(entry as (typeof units)[number]);
                  const unit = position >= 0 ? result?.units[position] : undefined;
                  const file = entry.file;
                  return (
                    <tr key={entry.id}>
                      <td>
                        <span className="draft-agency">{unit ? unit.agency || '（未填机关名称）' : file.fileName}</span>
                        <br />
                        <span className="muted small">{file.fileName}</span>
                      </td>
                      <td>{unit?.year ?? '—'}</td>
                      <td>{unit ? unitLabel(unit) : '—'}</td>
                      <td>{file.ok ? file.how : '无法读取'}</td>
                      <td>
                        {!file.ok ? (
                          <span className="count-error">没有计入：{file.message}</span>
                        ) : (
                          <>
                            {unit && unit.errors === 0 && <span className="rollup-ok">检查无错误</span>}
                            {sameAgency.includes(position) && (
                              <span className="count-error rollup-remark">
                                与本级机关同名：可能是本级政府自己的报告，{sameAgencyConfirmed ? '已确认计入' : '确认前不计入汇总'}
                              </span>
                            )}
                            {problemsOf(position).map((problem) => (
                              // Blank fee figures are the unit's to supply, not an error of its numbers: a warning.
                              <span key={problem.kind} className={`${problem.kind === 'feesBlank' ? 'count-warning' : 'count-error'} rollup-remark`}>
                                {problem.message}
                              </span>
                            ))}
                            {file.imported && importRemark(file.imported) && <span className="count-warning rollup-remark">导入：{importRemark(file.imported)}</span>}
                          </>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`移除 ${unit?.agency || file.fileName}`}
                          onClick={() => {
                            setEntries((current) => current.filter((other) => other.id !== entry.id));
                            setSameAgencyConfirmed(false);
                          }}
                        >
                          移除
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {failed.length > 0 && (
            <p className="field-error" role="alert">
              有 {failed.length} 个文件无法读取，请移除后再汇总。
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={refused} onClick={() => setConfirming(true)}>
              生成汇总草稿
            </button>
            {result?.ok && <span className="muted">共 {result.units.length} 个单位</span>}
          </div>
        </section>
      </main>
      {confirming && result?.ok && (
        <Modal
          title="生成汇总草稿"
          wide
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button type="button" className="button button-primary" onClick={() => void create()}>
                生成并打开
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                取消
              </button>
            </>
          }
        >
          <p>
            将新建 {result.draft.year} 年度报告的草稿（{unitLabel(result.units[0]!)}），表格为以下 {result.units.length - uncounted} 个单位报告的合计
            {uncounted > 0 && `（标明“确认前不计入”的 ${uncounted} 个除外）`}，正文留空：
          </p>
          <ol className="rollup-confirm-list">
            {result.units.map((unit, index) => (
              <li key={index}>
                {unit.agency || '（未填机关名称）'}
                {unit.errors > 0 && <span className="count-error">（自身检查有 {unit.errors} 处错误）</span>}
                {feesBlank.some((problem) => problem.units.includes(index)) && <span className="count-warning">（{FEES_BLANK_MARK}）</span>}
                {sameAgency.includes(index) && (
                  <span className="count-error">{sameAgencyConfirmed ? '（与本级机关同名，已确认计入）' : '（与本级机关同名，确认前不计入）'}</span>
                )}
              </li>
            ))}
          </ol>
          {feesBlankSummary && (
            <div className="banner banner-warning rollup-fees-blank">
              <p>{feesBlankSummary}</p>
              <ul>
                {feesBlank.map((problem) => (
                  <li key={problem.units[0]}>{problem.message}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="field">
          <label htmlFor={agencyId}>本级机关全称</label>
          <input
            id={agencyId}
            type="text"
            autoComplete="organization"
            data-autofocus
            value={agency}
            aria-invalid={agencyError !== null}
            aria-describedby={agencyError ? `${agencyId}-error` : undefined}
            placeholder="例如：某某县人民政府"
            onChange={(event) => {
              setAgency(event.currentTarget.value);
              setAgencyError(null);
              setSameAgencyConfirmed(false);
            }}
          />
          {agencyError && (
            <p id={`${agencyId}-error`} className="field-error" role="alert">
              {agencyError}
            </p>
          )}
          </div>
          {sameAgency.length > 0 && (
            <div className="banner banner-warning rollup-same-agency" role="alert">
              <p>
                {`${sameAgencyNames}与本级机关同名，多半是本级政府自己的报告误选进来了；计入会使本级的数字重复。请取消后在列表中移除它；如果它确是下级单位的报告，请勾选：`}
              </p>
              <label className="rollup-same-agency-confirm">
                <input
                  type="checkbox"
                  checked={sameAgencyConfirmed}
                  onChange={(event) => {
                    setSameAgencyConfirmed(event.currentTarget.checked);
                    setAgencyError(null);
                  }}
                />
                {sameAgencyNames}是下级单位的报告，计入汇总
              </label>
            </div>
          )}
          <p className="muted small">请把这份名单留存备查：汇总草稿本身不记录由哪些单位汇总而来。</p>
        </Modal>
      )}
    </>
  );
}
