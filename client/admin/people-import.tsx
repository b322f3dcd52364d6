/** Paste from a spreadsheet or choose a CSV file, preview every row, then import the clean ones. */
import { useState } from 'preact/hooks';
import type { ImportPreview } from '../../shared/csv';
import { errorMessage } from '../../shared/errors';
import { call } from './api';
import { lang, t } from './state';
import { ErrorNote, Notice, useAction } from './ui';

export function PeopleImport({ sessionId, onImported }: { sessionId: string; onImported: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mode, setMode] = useState<'append' | 'replace'>('append');
  const action = useAction();
  const runPreview = (source: string) =>
    action.run(null, () => call('POST /api/admin/sessions/:id/persons/import/preview', { params: { id: sessionId }, body: { text: source } }), (p) => {
      setPreview(p);
    });
  const onFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    await runPreview(content);
  };
  const confirm = () => {
    if (!preview) return;
    const n = preview.rows.length;
    return action.run(
      { message: t('confirmImport', { n, mode: t(mode === 'append' ? 'modeAppend' : 'modeReplace') }), danger: mode === 'replace' },
      async () => {
        await call('POST /api/admin/sessions/:id/persons/import/confirm', {
          params: { id: sessionId },
          body: { mode, rows: preview.rows.map(({ fullName, position }) => ({ fullName, position })) },
        });
        setPreview(null);
        setText('');
        await onImported();
      },
      () => t('saved'),
    );
  };
  return (
    <details class="import" open={preview !== null}>
      <summary>{t('importTitle')}</summary>
      <p class="hint">{t('importHint')}</p>
      <textarea rows={6} aria-label={t('importTitle')} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder={'Nguyễn Văn An\tBí thư Tỉnh ủy\nTrần Thị Bình\tPhó Bí thư'} />
      <div class="row">
        <button type="button" disabled={text.trim() === '' || action.busy} onClick={() => runPreview(text)}>
          {t('preview')}
        </button>
        <label class="file">
          {t('importFile')}
          <input type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={onFile} />
        </label>
      </div>
      <ErrorNote code={action.error} />
      <Notice text={action.notice} />
      {preview && (
        <div class="preview" data-testid="import-preview">
          <p>
            <strong>{t('previewSummary', { ok: preview.rows.length, bad: preview.errors.length })}</strong>
          </p>
          {preview.errors.length > 0 && (
            <ul class="row-errors">
              {preview.errors.map((e) => (
                <li key={`${e.line}-${e.code}`} data-code={e.code}>
                  <strong>{t('previewLine', { line: e.line })}:</strong> {errorMessage(e.code, lang.value)} <code>{e.text}</code>
                </li>
              ))}
            </ul>
          )}
          {preview.rows.length > 0 && (
            <>
              <table class="people">
                <thead>
                  <tr>
                    <th>{t('previewLine', { line: '' }).trim()}</th>
                    <th>{t('fullName')}</th>
                    <th>{t('position')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line}>
                      <td class="num">{r.line}</td>
                      <td>{r.fullName}</td>
                      <td>
                        {r.position}
                        {r.formulaLike && <div class="warn small">{t('formulaNote')}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div class="row">
                <label class="inline">
                  <input type="radio" name="import-mode" checked={mode === 'append'} onChange={() => setMode('append')} />
                  {t('modeAppend')}
                </label>
                <label class="inline">
                  <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
                  {t('modeReplace')}
                </label>
                <button type="button" class="primary" disabled={action.busy} onClick={confirm}>
                  {t('importConfirm', { n: preview.rows.length })}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </details>
  );
}
