/**
 * 与上年报告比较 on the check page and in review mode: which report is last year's, whether it is
 * really this agency's report of the year before, which cross-year rules were skipped across the
 * format change and why, the cross-year findings, and headline numbers that swung more than five times.
 */
import { useMemo } from 'react';
import { crossYearSummary, SWING_FACTOR } from '../../domain/cross-year.ts';
import { formatName } from '../shared/format.ts';
import type { LastYear } from '../kernel/last-year-source.ts';
import type { CrossYearNoticesProps } from '../kernel/step-slots.ts';
import './last-year.css';

export function lastYearSourceText(lastYear: LastYear): string {
  const draft = lastYear.draft;
  if (!draft) return '';
  const what = `“${draft.agency.name}”${draft.year}年度报告（${formatName(draft.template)}）`;
  switch (lastYear.source) {
    case 'file':
      return `${what}，来自文件“${lastYear.fileName ?? ''}”`;
    case 'stored':
      return `${what}，本浏览器中的草稿${lastYear.fromCopy ? '（该草稿已删除，使用选择时保存的副本）' : ''}`;
    default:
      return `${what}，本浏览器中同一机关上一年度的草稿（自动选用）`;
  }
}

export function CrossYearNotices({ current, lastYear, headingLevel = 2, attachHint }: CrossYearNoticesProps) {
  const previous = lastYear.draft;
  const summary = useMemo(() => (previous ? crossYearSummary(current, previous) : null), [current, previous]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="ly-notices" aria-labelledby="cross-year-heading">
      <Heading id="cross-year-heading" className="part-heading">
        与上年报告比较
      </Heading>
      {!previous || !summary ? (
        <p className="muted">没有上年报告，未做跨年比较（上年结转、跨年数字衔接、大幅变化）。{attachHint}</p>
      ) : (
        <>
          <p className="ly-source">上年报告：{lastYearSourceText(lastYear)}</p>
          {summary.pairing.length > 0 && (
            <div className="ly-pairing" role="alert">
              {summary.pairing.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </div>
          )}
          <p
            className={
              summary.findings.some((finding) => finding.severity === 'error')
                ? 'summary summary-error'
                : summary.findings.length > 0
                  ? 'summary summary-warning'
                  : 'summary summary-ok'
            }
          >
            {summary.findings.length > 0
              ? `跨年检查发现 ${summary.findings.length} 个问题：`
              : '跨年检查（上年结转、跨年数字衔接）未发现问题。'}
          </p>
          {summary.findings.length > 0 && (
            <ul className="ly-list">
              {summary.findings.map((finding, index) => (
                <li key={index}>
                  <span className={`severity severity-${finding.severity}`}>{finding.severity === 'error' ? '错误' : '提醒'}</span> {finding.message}
                </li>
              ))}
            </ul>
          )}
          {summary.skipped.length > 0 && (
            <div className="ly-skipped" role="note" aria-label="未进行的跨年检查">
              <p>
                本年报告使用{formatName(current.template)}，上年报告使用{formatName(previous.template)}。格式变化后以下跨年检查不能进行，已跳过：
              </p>
              <ul className="ly-list">
                {summary.skipped.map((item) => (
                  <li key={item.rule}>
                    <span className="ly-rule">{item.rule}</span> {item.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <section className="ly-swings" aria-labelledby="swing-heading">
            <SubHeading id="swing-heading" className="ly-subheading">
              主要数字的大幅变化
            </SubHeading>
            {summary.swings.length === 0 ? (
              <p className="muted">主要数字与上年相比没有超过 {SWING_FACTOR} 倍的变化。</p>
            ) : (
              <ul className="ly-list">
                {summary.swings.map((swing) => (
                  <li key={swing.label} className="finding finding-warning">
                    <span className="severity severity-warning">提醒</span> {swing.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
