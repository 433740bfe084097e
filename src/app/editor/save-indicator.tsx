/** 已保存 HH:MM:SS, or why not. Subscribes to the autosave status only: typing re-renders nothing else. */
import { useSyncExternalStore } from 'react';
import type { Autosave } from '../../storage/autosave.ts';
import { formatTime } from '../../features/shared/format.ts';

export interface SaveIndicatorProps {
  readonly autosave: Autosave;
  readonly persistent: boolean;
  readonly readOnly: boolean;
  /** This tab has just become the owner and is loading what storage holds before the clerk types. */
  readonly loading?: boolean;
}

export function SaveIndicator({ autosave, persistent, readOnly, loading = false }: SaveIndicatorProps) {
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  let text: string;
  let tone = 'ok';
  if (loading) {
    text = '正在载入最新保存的内容…';
  } else if (readOnly) {
    text = '只读：本页不保存';
    tone = 'warning';
  } else if (status.state === 'conflict') {
    text = '未保存：其他页面已修改此草稿';
    tone = 'error';
  } else if (status.state === 'refused') {
    text = '未能保存到浏览器';
    tone = 'error';
  } else if (!persistent) {
    text = status.state === 'saved' ? `仅在本页中 ${formatTime(status.at)}` : '仅在本页中（未写入浏览器）';
    tone = 'warning';
  } else if (status.state === 'pending') {
    text = '正在保存…';
  } else if (status.state === 'saved') {
    text = `已保存 ${formatTime(status.at)}`;
  } else {
    text = '尚无修改';
  }
  return (
    <p className={`save-indicator save-${tone}`} data-testid="save-indicator">
      {text}
    </p>
  );
}
