// @vitest-environment happy-dom
/**
 * The home screen of a browser without drafts says what a new user can do — and the 政务公开办 finds
 * there the roll-up of its units' reports, linked, in the same words as its button.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { renderApp, storeDraft, waitForHash } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';

describe('home: empty state', () => {
  it('names the roll-up for the 政务公开办 in one line, and its link opens the roll-up page', async () => {
    const user = userEvent.setup();
    renderApp();
    const empty = (await screen.findByText('此浏览器中还没有报告草稿。')).parentElement!;
    const line = within(empty).getByText(/^政务公开办汇总各部门、乡镇（街道）的报告/);
    expect(line).toHaveTextContent('政务公开办汇总各部门、乡镇（街道）的报告，可以用“汇总下级单位报告”：三张表逐格相加，生成本级政府报告的草稿。');
    const link = within(line).getByRole('link', { name: '汇总下级单位报告' });
    expect(link).toHaveAttribute('href', '#/rollup');
    await user.click(link);
    await waitForHash(/^#\/rollup$/);
    expect(await screen.findByRole('heading', { level: 1, name: '汇总下级单位报告' })).toBeInTheDocument();
  });

  it('is not shown once the browser holds a draft', async () => {
    const repository = new MemoryDraftRepository();
    await storeDraft(repository, office2023Draft());
    renderApp({ repository });
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '汇总下级单位报告' })).not.toBeInTheDocument();
  });
});
