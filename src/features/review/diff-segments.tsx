import { Fragment } from 'react';
import type { TextSegment } from '../../domain/round-changes.ts';

/** Text segments of a diff: kept text as is, inserted text underlined, deleted text struck through, each also said in words. */
export function DiffSegments({ segments }: { segments: readonly TextSegment[] }) {
  return segments.map((segment, index) =>
    segment.kind === 'same' ? (
      <Fragment key={index}>{segment.text}</Fragment>
    ) : segment.kind === 'inserted' ? (
      <ins key={index}>
        <span className="visually-hidden">〔新增：</span>
        {segment.text}
        <span className="visually-hidden">〕</span>
      </ins>
    ) : (
      <del key={index}>
        <span className="visually-hidden">〔删去：</span>
        {segment.text}
        <span className="visually-hidden">〕</span>
      </del>
    ),
  );
}
