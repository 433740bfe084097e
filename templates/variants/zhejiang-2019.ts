/**
 * 浙江省: the table 「不同渠道方式主动公开及回应解读总体情况」 that reports in Zhejiang print inside
 * 二、主动公开政府信息情况, before the national table, in the years of the 2019 format. Transcribed from
 * the published report of 宁波市镇海区人民政府 for 2020 (labels, units, the `——` rows and the indented
 * sub-items as printed).
 *
 * Rules: the sample's own figures show that the channels do not add up to （一） (the same item published
 * on several channels counts once in （一）), so there is no sum rule; what the labels imply is that
 * （一） is at most the sum of the channels and that a 其中 row is at most its parent.
 */
import type { TemplateVariant } from '../../src/domain/template-types.ts';

const SOURCE = '浙江省年度报告增列的统计表（宁波市镇海区人民政府2020年政府信息公开工作年度报告）';

export const zhejiangProactiveOverview = {
  id: 'zhejiang',
  name: '浙江省',
  source: SOURCE,
  format: '2019',
  firstYear: 2019,
  lastYear: 2020,
  sections: [
    {
      section: 'proactive',
      lead: '2.主动公开政府信息具体情况',
      tables: [
        {
          position: 'before',
          lead: '1.不同渠道方式主动公开及回应解读总体情况',
          table: {
            key: 'proactiveOverview',
            title: '主动公开总体情况表',
            gridColumns: 3,
            labelColumns: 1,
            columnWeights: [62, 14, 24],
            repeatHeader: false,
            parts: [
              {
                corner: '统　计　指　标',
                unitColumn: '单位',
                valueType: 'count',
                columns: [{ key: 'count', label: '统计数' }],
                rows: [
                  {
                    key: 'published',
                    label: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）',
                    shortLabel: '主动公开政府信息数',
                    unit: '条',
                  },
                  { label: '（二）通过不同渠道和方式公开政府信息的情况', noFigure: true },
                  { key: 'gazette', label: '1.政府公报公开政府信息数', shortLabel: '政府公报公开政府信息数', indent: 3, unit: '条' },
                  { key: 'website', label: '2.政府网站公开政府信息数', shortLabel: '政府网站公开政府信息数', indent: 3, unit: '条' },
                  { key: 'weibo', label: '3.政务微博公开政府信息数', shortLabel: '政务微博公开政府信息数', indent: 3, unit: '条' },
                  { key: 'wechat', label: '4.政务微信公开政府信息数', shortLabel: '政务微信公开政府信息数', indent: 3, unit: '条' },
                  { key: 'otherChannels', label: '5.其他方式公开政府信息数', shortLabel: '其他方式公开政府信息数', indent: 3, unit: '条' },
                  {
                    key: 'hotspotResponses',
                    label: '（三）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）',
                    shortLabel: '回应公众关注热点或重大舆情数',
                    unit: '次',
                  },
                  { label: '（四）通过不同渠道和方式回应解读的情况', noFigure: true },
                  { key: 'pressConferences', label: '1.参加或举办新闻发布会总次数', shortLabel: '新闻发布会总次数', indent: 3, unit: '次' },
                  {
                    key: 'pressConferencesByLeaders',
                    label: '其中：主要负责同志参加新闻发布会次数',
                    shortLabel: '主要负责同志参加新闻发布会次数',
                    indent: 4,
                    unit: '次',
                  },
                  { key: 'onlineInterviews', label: '2.政府网站在线访谈次数', shortLabel: '政府网站在线访谈次数', indent: 3, unit: '次' },
                  {
                    key: 'onlineInterviewsByLeaders',
                    label: '其中：主要负责同志参加政府网站在线访谈次数',
                    shortLabel: '主要负责同志参加在线访谈次数',
                    indent: 4,
                    unit: '次',
                  },
                  { key: 'interpretations', label: '3.政策解读稿件发布数', shortLabel: '政策解读稿件发布数', indent: 3, unit: '篇' },
                  { key: 'socialMediaResponses', label: '4.微博微信回应事件数', shortLabel: '微博微信回应事件数', indent: 3, unit: '次' },
                  { key: 'otherResponses', label: '5.其他方式回应事件数', shortLabel: '其他方式回应事件数', indent: 3, unit: '次' },
                ],
              },
            ],
          },
        },
      ],
    },
  ],
  rules: [
    {
      id: 'ZJ1',
      kind: 'valueType',
      severity: 'error',
      source: SOURCE,
      description: '主动公开总体情况表的统计数都是不小于 0 的整数',
      table: 'proactiveOverview',
      valueTypes: ['count'],
    },
    {
      id: 'ZJ2',
      kind: 'filled',
      severity: 'warning',
      source: SOURCE,
      description: '主动公开总体情况表不留空格，没有的填 0（标“——”的行不填）',
      table: 'proactiveOverview',
    },
    {
      id: 'ZJ3',
      kind: 'relation',
      relation: 'lessOrEqual',
      severity: 'warning',
      source: '（一）主动公开政府信息数：不同渠道和方式公开相同信息计1条',
      description: '主动公开政府信息数不超过各渠道公开政府信息数之和（同一信息在几个渠道公开只计 1 条）',
      left: [{ cell: 'proactiveOverview.published.count' }],
      right: [
        { cell: 'proactiveOverview.gazette.count' },
        { cell: 'proactiveOverview.website.count' },
        { cell: 'proactiveOverview.weibo.count' },
        { cell: 'proactiveOverview.wechat.count' },
        { cell: 'proactiveOverview.otherChannels.count' },
      ],
    },
    {
      id: 'ZJ4',
      kind: 'relation',
      relation: 'lessOrEqual',
      severity: 'warning',
      source: '其中：主要负责同志参加新闻发布会次数',
      description: '主要负责同志参加新闻发布会次数不超过新闻发布会总次数',
      left: [{ cell: 'proactiveOverview.pressConferencesByLeaders.count' }],
      right: [{ cell: 'proactiveOverview.pressConferences.count' }],
    },
    {
      id: 'ZJ5',
      kind: 'relation',
      relation: 'lessOrEqual',
      severity: 'warning',
      source: '其中：主要负责同志参加政府网站在线访谈次数',
      description: '主要负责同志参加在线访谈次数不超过政府网站在线访谈次数',
      left: [{ cell: 'proactiveOverview.onlineInterviewsByLeaders.count' }],
      right: [{ cell: 'proactiveOverview.onlineInterviews.count' }],
    },
  ],
} as const satisfies TemplateVariant;
