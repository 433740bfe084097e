/**
 * The 编制说明 printed under the title (spec §2.1), built from the draft when the clerk has not written their
 * own: the legal basis (条例, 国务院令第711号, and the template's format notice), the six parts, the statistics
 * period, where the electronic version can be downloaded, and whom to ask (address, postcode, phone).
 * Wording follows published reports (the two in test/fixtures/ among them); empty fields are left
 * out rather than printed as blanks.
 */
import type { Draft, PreambleWordingId } from './draft-types.ts';
import type { ReportTemplate } from './template-types.ts';
import { templateOf } from './values.ts';

/** 条例 and the State Council order that promulgated its 2019 revision (spec §0 S1). */
const REGULATION = '《中华人民共和国政府信息公开条例》（国务院令第711号）';

/** Heading without its ordinal: `一、总体情况` → `总体情况`. */
function headingName(heading: string): string {
  return heading.replace(/^[一二三四五六七八九十]+、/, '');
}

/** 一、…六、 headings as one enumeration, e.g. `总体情况、主动公开政府信息情况、…`. */
function partsList(template: ReportTemplate): string {
  return template.sections.map((section) => headingName(section.heading)).join('、');
}

const CHINESE_COUNT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A web address rather than a site's name: no CJK, something with a dot or a scheme. */
function looksLikeAddress(text: string): boolean {
  return !/[\u2e80-\u9fff\uf900-\ufaff]/.test(text) && /[./]/.test(text);
}

/**
 * The wordings of the generated 编制说明, for the clerk to choose from: `full` names the six parts (as the
 * 2020 sample report does); `brief` leaves them out, as the 2023 sample report does.
 */
export const PREAMBLE_WORDINGS: readonly { readonly id: PreambleWordingId; readonly name: string }[] = [
  { id: 'full', name: '列出报告的六个部分' },
  { id: 'brief', name: '简要（不列出各部分）' },
];

/** The 编制说明 generated in the chosen wording (`draft.wording.preamble`, default `full`). */
export function defaultPreamble(draft: Draft): string {
  return generatedPreamble(draft, draft.wording?.preamble ?? 'full');
}

/** The 编制说明 generated from the draft in one wording. */
export function generatedPreamble(draft: Draft, wording: PreambleWordingId): string {
  const template = templateOf(draft);
  const agency = draft.agency.name.trim() || '本机关';
  const year = draft.year;
  const count = template.sections.length;
  const sentences: string[] = [];

  if (wording === 'brief') {
    sentences.push(
      `本年度报告根据${REGULATION}和${template.noticeTitle}（${template.notice}）要求，` +
        `结合${agency}${year}年度政府信息公开工作实际编制而成。`,
    );
    sentences.push(`本年度报告中所列数据的统计期限从${year}年1月1日到12月31日止。`);
  } else {
    sentences.push(
      `本年度报告根据${REGULATION}和${template.noticeTitle}（${template.notice}）要求，` +
        `结合${agency}${year}年度政府信息公开工作实际编制。`,
    );
    sentences.push(`全文包括${partsList(template)}${CHINESE_COUNT[count] ?? String(count)}个部分。`);
    sentences.push(`本报告中所列数据的统计期限从${year}年1月1日到12月31日止。`);
  }

  const website = draft.agency.website.trim();
  if (website !== '') {
    sentences.push(
      looksLikeAddress(website)
        ? `本报告电子版可在网站（${website}）查阅和下载。`
        : `本报告电子版可在${website}查阅和下载。`,
    );
  }

  const contact = [
    ['地址', draft.agency.address],
    ['邮编', draft.agency.postcode],
    ['电话', draft.agency.phone],
  ]
    .map(([label, value]) => [label, (value ?? '').trim()] as const)
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label}：${value}`);
  sentences.push(
    `如对本报告所涉内容有咨询或疑问，请与${agency}联系${contact.length > 0 ? `（${contact.join('，')}）` : ''}。`,
  );
  return sentences.join('');
}
