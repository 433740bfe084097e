/**
 * 签名密钥: the supervisor's key for signing approvals, kept in this browser.
 *
 * - Creating one asks for name, role and a passphrase, and downloads at once the passphrase-protected key
 *   file (the only copy that can leave this browser: the private key is stored non-extractable).
 * - Importing a key file (on a second computer) asks for its passphrase.
 * - With a key, the panel shows the entry IT adds to `reviewers.json` — name, role, fingerprint, public
 *   key — to copy or download, and the fingerprint to read out when IT checks it.
 */
import { useEffect, useId, useState } from 'react';
import { reviewerEntryFor, reviewersListText } from '../../domain/reviewers-list.ts';
import { formatFingerprint } from '../../domain/signing.ts';
import { createSigningKey, importKeyFile, MAX_KEY_FILE_BYTES, MIN_PASSPHRASE_LENGTH } from '../../domain/signing-key-file.ts';
import type { StoredSigningKey } from '../../storage/side-records.ts';
import { downloadFile, JSON_MIME } from '../shared/download.ts';
import { FileChooser } from '../shared/file-chooser.tsx';
import { useServices } from '../shared/services.tsx';

export interface SigningKeyPanelProps {
  /** Name and role typed in the decision form, to prefill key creation. */
  readonly reviewer: { readonly name: string; readonly role: string };
  readonly onKey: (key: StoredSigningKey | null) => void;
}

function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '') || '审核人';
}

export function SigningKeyPanel({ reviewer, onKey }: SigningKeyPanelProps) {
  const { repository, now } = useServices();
  const [stored, setStored] = useState<StoredSigningKey | null | undefined>(undefined);
  const [mode, setMode] = useState<'create' | 'import' | null>(null);
  const [form, setForm] = useState({ name: reviewer.name, role: reviewer.role, passphrase: '', confirm: '' });
  const [message, setMessage] = useState<{ kind: 'error' | 'status'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [keyFile, setKeyFile] = useState<{ name: string; text: string } | null>(null);
  const ids = { name: useId(), role: useId(), passphrase: useId(), confirm: useId(), entry: useId() };

  useEffect(() => {
    let cancelled = false;
    void repository.getSigningKey().then((key) => {
      if (cancelled) return;
      setStored(key ?? null);
      onKey(key ?? null);
    });
    return () => {
      cancelled = true;
    };
  }, [repository, onKey]);

  const keep = async (key: StoredSigningKey) => {
    await repository.putSigningKey(key);
    setStored(key);
    onKey(key);
    setMode(null);
    setForm((current) => ({ ...current, passphrase: '', confirm: '' }));
  };

  const create = async () => {
    setMessage(null);
    if (form.passphrase !== form.confirm) {
      setMessage({ kind: 'error', text: '两次输入的口令不一致' });
      return;
    }
    setBusy(true);
    try {
      const created = await createSigningKey({ name: form.name, role: form.role }, form.passphrase, now());
      if (!created.ok) {
        setMessage({ kind: 'error', text: created.message });
        return;
      }
      const fileName = `审核签名密钥-${safeFileName(created.value.keyFile.name)}.json`;
      downloadFile(`${JSON.stringify(created.value.keyFile, null, 2)}\n`, fileName, JSON_MIME);
      await keep({ name: created.value.keyFile.name, role: created.value.keyFile.role, createdAt: created.value.keyFile.createdAt, key: created.value.key });
      setMessage({
        kind: 'status',
        text: `已创建签名密钥，并下载了密钥文件“${fileName}”。请把它和口令分开妥善保管：换电脑时用它导入；本机的密钥无法再次导出。`,
      });
    } catch {
      setMessage({ kind: 'error', text: '创建签名密钥时出错，请重试。' });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async () => {
    setMessage(null);
    if (!keyFile) {
      setMessage({ kind: 'error', text: '请先选择密钥文件' });
      return;
    }
    setBusy(true);
    try {
      const imported = await importKeyFile(keyFile.text, form.passphrase);
      if (!imported.ok) {
        setMessage({ kind: 'error', text: imported.message });
        return;
      }
      await keep({ name: imported.value.name, role: imported.value.role, createdAt: now().toISOString(), key: imported.value.key });
      setMessage({ kind: 'status', text: `已导入 ${imported.value.name} 的签名密钥。` });
    } finally {
      setBusy(false);
    }
  };

  const chooseKeyFile = async (file: File) => {
    if (file.size > MAX_KEY_FILE_BYTES) {
      setMessage({ kind: 'error', text: `文件“${file.name}”过大，不是本工具导出的签名密钥文件` });
      return;
    }
    setKeyFile({ name: file.name, text: await file.text() });
    setMessage(null);
  };

  const remove = async () => {
    if (!window.confirm('删除本机的签名密钥？删除后，须用密钥文件重新导入才能签名审核。')) return;
    await repository.removeSigningKey();
    setStored(null);
    onKey(null);
    setMessage(null);
  };

  if (stored === undefined) return null;

  const feedback = message && (
    <p className={message.kind === 'error' ? 'field-error' : 'rv-key-status'} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );

  if (stored) {
    const entry = reviewerEntryFor(stored.key, stored);
    const entryText = JSON.stringify(entry, null, 2);
    return (
      <section className="rv-side-section rv-key" aria-labelledby="rv-key-heading">
        <h2 id="rv-key-heading">签名密钥</h2>
        <p>
          本机保存有 <strong>{stored.name}</strong>（{stored.role}）的签名密钥。审核通过时用它签名。
        </p>
        <p className="rv-fingerprint">
          指纹：<code>{formatFingerprint(stored.key.fingerprint)}</code>
        </p>
        <details className="rv-key-entry">
          <summary>审核人名单条目（交信息技术人员加入 reviewers.json）</summary>
          <label htmlFor={ids.entry} className="field-help">
            请把下面的条目交给信息技术人员，加入本工具旁边的 reviewers.json；核对时可电话核对上面的指纹。
          </label>
          <textarea id={ids.entry} readOnly rows={9} value={entryText} onFocus={(event) => event.currentTarget.select()} />
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                void navigator.clipboard?.writeText(entryText).then(
                  () => setMessage({ kind: 'status', text: '已复制名单条目。' }),
                  () => setMessage({ kind: 'error', text: '浏览器不允许复制，请在上面的框中全选后复制。' }),
                )
              }
            >
              复制名单条目
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => downloadFile(reviewersListText([entry]), `审核人名单条目-${safeFileName(stored.name)}.json`, JSON_MIME)}
            >
              下载名单文件
            </button>
          </div>
        </details>
        <div className="button-row">
          <button type="button" className="button button-small" onClick={() => void remove()}>
            删除本机签名密钥
          </button>
        </div>
        {feedback}
      </section>
    );
  }

  return (
    <section className="rv-side-section rv-key" aria-labelledby="rv-key-heading">
      <h2 id="rv-key-heading">签名密钥</h2>
      <p className="rv-note-warning">审核通过须用审核人的签名密钥签名。本机还没有签名密钥：请创建一个，或导入在其他电脑上创建的密钥文件。</p>
      <div className="button-row">
        <button type="button" className={`button${mode === 'create' ? ' button-primary' : ''}`} aria-pressed={mode === 'create'}
          onClick={() => {
            setMode('create');
            setForm((current) => ({ ...current, name: current.name || reviewer.name, role: current.role || reviewer.role }));
          }}
        >
          创建签名密钥
        </button>
        <button type="button" className={`button${mode === 'import' ? ' button-primary' : ''}`} aria-pressed={mode === 'import'} onClick={() => setMode('import')}>
          导入密钥文件
        </button>
      </div>
      {mode === 'create' && (
        <form
          className="rv-key-form"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <div className="field">
            <label htmlFor={ids.name}>签名人（审核人）姓名</label>
            <input id={ids.name} type="text" value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.role}>签名人（审核人）职务</label>
            <input id={ids.role} type="text" value={form.role} placeholder="例如：办公室主任" onChange={(event) => setForm({ ...form, role: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.passphrase}>密钥文件口令</label>
            <input id={ids.passphrase} type="password" autoComplete="new-password" value={form.passphrase} onChange={(event) => setForm({ ...form, passphrase: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.confirm}>再次输入口令</label>
            <input id={ids.confirm} type="password" autoComplete="new-password" value={form.confirm} onChange={(event) => setForm({ ...form, confirm: event.target.value })} />
          </div>
          <p className="field-help">口令至少 {MIN_PASSPHRASE_LENGTH} 个字符，用于保护将要下载的密钥文件；换电脑导入时需要它。口令无法找回。</p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? '正在创建…' : '创建并下载密钥文件'}
          </button>
        </form>
      )}
      {mode === 'import' && (
        <form
          className="rv-key-form"
          onSubmit={(event) => {
            event.preventDefault();
            void importFile();
          }}
        >
          <div className="button-row">
            <FileChooser accept=".json,application/json" label="选择签名密钥文件" onFile={(file) => void chooseKeyFile(file)}>
              选择密钥文件
            </FileChooser>
            <span>{keyFile ? keyFile.name : '未选择'}</span>
          </div>
          <div className="field">
            <label htmlFor={ids.passphrase}>密钥文件口令</label>
            <input id={ids.passphrase} type="password" autoComplete="current-password" value={form.passphrase} onChange={(event) => setForm({ ...form, passphrase: event.target.value })} />
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? '正在导入…' : '导入'}
          </button>
        </form>
      )}
      {feedback}
    </section>
  );
}
