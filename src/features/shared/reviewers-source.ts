/**
 * The agency's reviewers list as deployed beside the app: `./reviewers.json`, same origin, edited by IT
 * (README, "审核人名单"). Absent (404) means no list: approvals can be signed but not verified, and
 * the screens say so. A file that is there but wrong is reported with its mistake, and counts as no
 * list (never as an empty list that would silently void every approval).
 */
import { useEffect, useState } from 'react';
import { verifyApproval, type ApprovalVerdict } from '../../domain/approval-verdict.ts';
import type { Draft } from '../../domain/draft-types.ts';
import type { ReviewersList } from '../../domain/reviewers-list.ts';
import { useServices } from './services.tsx';

export type DeployedReviewers =
  | { readonly kind: 'list'; readonly list: ReviewersList }
  | { readonly kind: 'absent' }
  | { readonly kind: 'broken'; readonly message: string };

export const REVIEWERS_FILE = 'reviewers.json';

/**
 * Fetches `./reviewers.json` (revalidated each time: a screen that verifies an approval, or the final
 * Word file, always goes by the list IT has deployed now, not the one of when the page was opened).
 */
export async function fetchDeployedReviewers(): Promise<DeployedReviewers> {
  let response: Response;
  try {
    response = await fetch(`./${REVIEWERS_FILE}`, { cache: 'no-cache' });
  } catch {
    return { kind: 'absent' };
  }
  if (response.status === 404) return { kind: 'absent' };
  if (!response.ok) return { kind: 'broken', message: `审核人名单 ${REVIEWERS_FILE} 无法读取（服务器返回 ${response.status}）` };
  const text = await response.text();
  // A single-page server answers every path with index.html: that is no list, not a broken one.
  if (/^\s*</.test(text)) return { kind: 'absent' };
  // The parser (and the schema library under it) is loaded only when there is a list to read.
  const { MAX_REVIEWERS_LIST_BYTES, parseReviewersList } = await import('../../domain/reviewers-list.ts');
  if (text.length > MAX_REVIEWERS_LIST_BYTES) return { kind: 'broken', message: `审核人名单 ${REVIEWERS_FILE} 过大，不是审核人名单` };
  const parsed = await parseReviewersList(text, REVIEWERS_FILE);
  return parsed.ok ? { kind: 'list', list: parsed.list } : { kind: 'broken', message: parsed.message };
}

/** The deployed list; `null` while it loads. */
export function useDeployedReviewers(): DeployedReviewers | null {
  const { loadReviewers } = useServices();
  const [reviewers, setReviewers] = useState<DeployedReviewers | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (loadReviewers ? loadReviewers() : Promise.resolve<DeployedReviewers>({ kind: 'absent' })).then((loaded) => {
      if (!cancelled) setReviewers(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [loadReviewers]);
  return reviewers;
}

export function listOf(reviewers: DeployedReviewers | null): ReviewersList | null {
  return reviewers?.kind === 'list' ? reviewers.list : null;
}

/**
 * The draft's approval verdict against the deployed list, read again for each draft shown (so that a
 * list IT deployed meanwhile counts at once); `null` while it loads.
 */
export function useApprovalVerdict(draft: Draft): { verdict: ApprovalVerdict; reviewers: DeployedReviewers } | null {
  const { loadReviewers } = useServices();
  const [verdict, setVerdict] = useState<{ verdict: ApprovalVerdict; reviewers: DeployedReviewers } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const reviewers: DeployedReviewers = loadReviewers ? await loadReviewers() : { kind: 'absent' };
      const result = await verifyApproval(draft, listOf(reviewers));
      if (!cancelled) setVerdict({ verdict: result, reviewers });
    })();
    return () => {
      cancelled = true;
    };
  }, [draft, loadReviewers]);
  return verdict;
}

/** What to tell the supervisor or clerk about the list itself, or `null` when a list is in place. */
export function reviewersNotice(reviewers: DeployedReviewers | null): string | null {
  if (!reviewers || reviewers.kind === 'list') return null;
  if (reviewers.kind === 'broken') return `${reviewers.message}。在名单修正之前，审核签名无法核验。请联系信息技术人员。`;
  return '本机关未配置审核人名单（reviewers.json），审核签名无法核验：正式版仍可生成，但文件属性中的审核状态注明“签名未核验”。请信息技术人员按说明配置名单。';
}
