// @vitest-environment happy-dom
/**
 * The supervisor's signing key on the review screen: created with a passphrase (the key file is
 * downloaded at once), imported on a second computer (right and wrong passphrase), the entry for IT's
 * reviewers list, and approving = signing. The verdict against the deployed list is shown.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyApproval } from '../../src/domain/approval-verdict.ts';
import { reviewerEntrySchema, type ReviewersList } from '../../src/domain/reviewers-list.ts';
import { fromBase64, toBase64 } from '../../src/domain/signing.ts';
import { createSigningKey } from '../../src/domain/signing-key-file.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import type { DeployedReviewers } from '../../src/features/shared/reviewers-source.ts';
import { renderApp } from './app-harness.tsx';
import { approvedOffice, captureDownloads, downloadedDraft, REVIEWER, storeSession, submittedOffice } from './review-helpers.ts';
import { listOf, testSigningKey } from '../helpers/signing-keys.ts';

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.restoreAllMocks());

async function openReview(options: { draft?: Awaited<ReturnType<typeof approvedOffice>>; reviewers?: DeployedReviewers; repository?: MemoryDraftRepository } = {}) {
  const repository = options.repository ?? new MemoryDraftRepository();
  const session = await storeSession(repository, options.draft ?? submittedOffice());
  renderApp({ repository, hash: `#/review/${session.id}`, ...(options.reviewers ? { reviewers: options.reviewers } : {}) });
  await screen.findByRole('heading', { level: 1, name: /^审核报告：/ });
  return { repository };
}

/** The key panel appears once the stored key (or its absence) is read. */
async function keyPanelShown() {
  return screen.findByRole('region', { name: '签名密钥' });
}

const keyPanel = () => screen.getByRole('region', { name: '签名密钥' });

describe('creating a signing key and approving with it', () => {
  it('refuses 审核通过 without a key, creates one (key file downloaded), shows the list entry, and signs', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    await openReview();
    await user.type(screen.getByLabelText('审核人姓名'), REVIEWER.name);
    await user.type(screen.getByLabelText('审核人职务'), REVIEWER.role);
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('审核通过须用签名密钥签名');

    await user.click(within(await keyPanelShown()).getByRole('button', { name: '创建签名密钥' }));
    const form = within(keyPanel());
    expect(form.getByLabelText('签名人（审核人）姓名')).toHaveValue(REVIEWER.name);
    expect(form.getByLabelText('签名人（审核人）职务')).toHaveValue(REVIEWER.role);
    await user.type(form.getByLabelText('密钥文件口令'), '办公室口令2026');
    await user.type(form.getByLabelText('再次输入口令'), '办公室口令2025');
    await user.click(form.getByRole('button', { name: '创建并下载密钥文件' }));
    expect(await form.findByRole('alert')).toHaveTextContent('两次输入的口令不一致');
    await user.clear(form.getByLabelText('再次输入口令'));
    await user.type(form.getByLabelText('再次输入口令'), '办公室口令2026');
    await user.click(form.getByRole('button', { name: '创建并下载密钥文件' }));
    await waitFor(() => expect(downloads.map((download) => download.name)).toEqual(['审核签名密钥-王建国.json']), { timeout: 10_000 });
    const keyFile = JSON.parse(await downloads[0]!.blob.text()) as { encryptedKey: string; fingerprint: string };
    expect(keyFile.encryptedKey.length).toBeGreaterThan(100);

    expect(await within(keyPanel()).findByText(/本机保存有/)).toHaveTextContent('王建国（办公室主任）');
    const entry = reviewerEntrySchema.parse(JSON.parse((within(keyPanel()).getByRole('textbox') as HTMLTextAreaElement).value));
    expect(entry).toMatchObject({ name: '王建国', role: '办公室主任', fingerprint: keyFile.fingerprint });
    expect(keyPanel()).toHaveTextContent(keyFile.fingerprint.slice(0, 4));

    await user.click(screen.getByRole('button', { name: '审核通过' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const approved = await downloadedDraft(downloads[1]!);
    const list: ReviewersList = { reviewers: [entry] };
    expect((await verifyApproval(approved, list)).state).toBe('valid');
  });

  it('refuses to sign under another name than the key holder’s', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const repository = new MemoryDraftRepository();
    await repository.putSigningKey({ ...REVIEWER, createdAt: '2026-01-01T00:00:00.000Z', key: await testSigningKey() });
    await openReview({ repository });
    await waitFor(() => expect(screen.getByLabelText('审核人姓名')).toHaveValue(REVIEWER.name));
    await user.clear(screen.getByLabelText('审核人姓名'));
    await user.type(screen.getByLabelText('审核人姓名'), '张副主任');
    await user.click(screen.getByRole('button', { name: '审核通过' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('本机的签名密钥属于“王建国”，审核人姓名须与之一致');
    expect(downloads).toEqual([]);
  });
});

describe('importing a key file on a second computer', () => {
  it('says so on a wrong passphrase, and imports with the right one', async () => {
    const user = userEvent.setup();
    const created = await createSigningKey(REVIEWER, '正确的口令123', new Date('2026-01-01T00:00:00Z'), 100_000);
    if (!created.ok) throw new Error(created.message);
    const file = new File([JSON.stringify(created.value.keyFile)], '审核签名密钥-王建国.json', { type: 'application/json' });
    await openReview();
    await user.click(within(await keyPanelShown()).getByRole('button', { name: '导入密钥文件' }));
    await user.upload(within(keyPanel()).getByLabelText('选择签名密钥文件'), file);
    expect(await within(keyPanel()).findByText('审核签名密钥-王建国.json')).toBeInTheDocument();
    await user.type(within(keyPanel()).getByLabelText('密钥文件口令'), '错误的口令');
    await user.click(within(keyPanel()).getByRole('button', { name: '导入' }));
    expect(await within(keyPanel()).findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent('口令不正确（或密钥文件已损坏），未能导入签名密钥');

    await user.clear(within(keyPanel()).getByLabelText('密钥文件口令'));
    await user.type(within(keyPanel()).getByLabelText('密钥文件口令'), '正确的口令123');
    await user.click(within(keyPanel()).getByRole('button', { name: '导入' }));
    expect(await within(keyPanel()).findByText(/本机保存有/, {}, { timeout: 10_000 })).toHaveTextContent('王建国（办公室主任）');
    expect(keyPanel()).toHaveTextContent(created.value.key.fingerprint.slice(0, 4));
  });

  it('says a damaged file is damaged', async () => {
    const user = userEvent.setup();
    await openReview();
    await user.click(within(await keyPanelShown()).getByRole('button', { name: '导入密钥文件' }));
    await user.upload(within(keyPanel()).getByLabelText('选择签名密钥文件'), new File(['{"format": "别的"}'], 'x.json', { type: 'application/json' }));
    await user.type(within(keyPanel()).getByLabelText('密钥文件口令'), '随便什么口令');
    await user.click(within(keyPanel()).getByRole('button', { name: '导入' }));
    expect(await within(keyPanel()).findByRole('alert')).toHaveTextContent('密钥文件已损坏，或不是本工具导出的审核签名密钥文件');
  });
});

describe('the verdict against the deployed reviewers list', () => {
  it('without a list the screen says approvals are unverified', async () => {
    await openReview({ draft: await approvedOffice() });
    expect(await screen.findByText(/本机关未配置审核人名单（reviewers\.json），审核签名无法核验/)).toBeInTheDocument();
    expect(await screen.findByText(/签名完整，但未核验签名人/)).toBeInTheDocument();
  });

  it('a list that does not hold the key: the approval is void, visibly', async () => {
    const other = await testSigningKey();
    await openReview({ draft: await approvedOffice(), reviewers: { kind: 'list', list: listOf({ key: other, ...REVIEWER }) } });
    expect(await screen.findByText(/不在本机关的审核人名单中/)).toBeInTheDocument();
    expect(screen.getAllByText('审核无效：签名人不在审核人名单中').length).toBeGreaterThan(0);
    expect(screen.queryByText(/本机关未配置审核人名单/)).not.toBeInTheDocument();
  });

  it('a forged signature is void, visibly', async () => {
    const approved = await approvedOffice();
    const bytes = fromBase64(approved.review!.approval!.signature!.value)!;
    bytes[5] = bytes[5]! ^ 0xff;
    const forged = { ...approved, review: { ...approved.review!, approval: { ...approved.review!.approval!, signature: { ...approved.review!.approval!.signature!, value: toBase64(bytes) } } } };
    await openReview({ draft: forged });
    expect(await screen.findByText(/审核签名与审核记录不符/)).toBeInTheDocument();
  });

  it('a broken list is reported with its mistake', async () => {
    await openReview({ draft: await approvedOffice(), reviewers: { kind: 'broken', message: '审核人名单 reviewers.json 有误：不是有效的 JSON（请检查逗号、引号和括号）' } });
    expect(await screen.findByText(/审核人名单 reviewers\.json 有误：不是有效的 JSON.*审核签名无法核验/)).toBeInTheDocument();
  });
});
