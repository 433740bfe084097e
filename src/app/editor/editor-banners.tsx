/**
 * What the clerk must know at once about the open draft: it lives only in memory, the browser refused
 * to save, another tab saved a newer version, or another tab is editing it (this one is read-only).
 */
import { useState, useSyncExternalStore } from 'react';
import type { TabGuard, TabGuardState } from '../../storage/tab-guard.ts';
import { Banner } from '../../features/shared/app-header.tsx';
import { formatDateTime } from '../../features/shared/format.ts';
import { useServices } from '../../features/shared/services.tsx';
import { useEditor } from '../../features/kernel/editor-context.tsx';

export function EditorBanners({
  guard,
  guardState,
  onReload,
  onDownload,
}: {
  guard: TabGuard;
  guardState: TabGuardState;
  onReload: () => Promise<void>;
  onDownload: () => void;
}) {
  const { storageWarning } = useServices();
  const { autosave } = useEditor();
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  const [busy, setBusy] = useState(false);
  const download = (
    <button type="button" className="button button-small" onClick={onDownload}>
      下载草稿文件
    </button>
  );
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banners">
      {storageWarning && (
        <Banner tone="error" actions={download}>
          {storageWarning}
        </Banner>
      )}
      {guardState.mode === 'readonly' && (
        <Banner
          tone="warning"
          actions={
            <button type="button" className="button button-small button-primary" disabled={busy} onClick={run(() => guard.takeOver())}>
              在本页继续编辑
            </button>
          }
        >
          {guardState.reason === 'taken-over'
            ? '此草稿已在另一个标签页或窗口中继续编辑，本页已改为只读，不再保存。如需在本页编辑，请点击“在本页继续编辑”（另一个页面将改为只读）。'
            : '此草稿已在另一个标签页或窗口中打开。为避免互相覆盖，本页只能查看，不会保存。如需在本页编辑，请点击“在本页继续编辑”（另一个页面将改为只读）。'}
        </Banner>
      )}
      {status.state === 'refused' && (
        <Banner
          tone="error"
          actions={
            <>
              {download}
              <button type="button" className="button button-small" disabled={busy} onClick={run(() => autosave.retry())}>
                重试保存
              </button>
            </>
          }
        >
          {status.message}
        </Banner>
      )}
      {status.state === 'conflict' && (
        <Banner
          tone="error"
          actions={
            <>
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={run(onReload)}>
                载入最新版本
              </button>
              <button type="button" className="button button-small" disabled={busy} onClick={run(() => autosave.overwrite())}>
                用本页内容覆盖
              </button>
              {download}
            </>
          }
        >
          {status.stored
            ? `此草稿已在其他标签页或窗口中保存了更新的版本（${formatDateTime(status.stored.savedAt)}）。为避免覆盖，本页最近的修改没有保存。请选择载入最新版本（放弃本页未保存的修改），或用本页内容覆盖；不确定时请先下载本页内容为草稿文件。`
            : '此草稿已在其他标签页或窗口中被删除，本页最近的修改没有保存。可以用本页内容重新保存，或下载草稿文件。'}
        </Banner>
      )}
    </div>
  );
}
