// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { editorRenderProbe } from '../../src/app/editor/editor.tsx';
import { cellInputId } from '../../src/features/kernel/cell-id.ts';
import { MemoryDraftRepository } from '../../src/storage/draft-repository.ts';
import { openDraftAt, storeDraft } from './app-harness.tsx';
import { office2023Draft } from './ui-fixtures.ts';

afterEach(() => {
  editorRenderProbe.current = null;
});

// The whole report is one form: a keystroke must re-render only what watches that field, never the
// editor root (which would re-render every section and the navigator on each key).
it('typing in a paragraph or a cell does not re-render the editor root', async () => {
  const user = userEvent.setup();
  const repository = new MemoryDraftRepository();
  const record = await storeDraft(repository, office2023Draft());
  await openDraftAt(repository, record.id, 'problems', '五、存在的主要问题及改进情况');
  let renders = 0;
  editorRenderProbe.current = () => {
    renders += 1;
  };
  await user.type(screen.getByRole('textbox', { name: '（一）存在的主要问题' }), '十个字的补充说明内容');
  expect(renders).toBe(0);

  await user.click(screen.getByRole('link', { name: /三、收到和处理政府信息公开申请情况/ }));
  await screen.findByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' });
  renders = 0;
  const cell = document.getElementById(cellInputId('applications.granted.naturalPerson')) as HTMLInputElement;
  await user.clear(cell);
  await user.type(cell, '21');
  expect(renders).toBe(0);
});
