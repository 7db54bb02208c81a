import type { SheetReport } from '../../ingest/sheet-report.js';
import { DATASET_LABELS } from '../../issues/labels.js';
import { h, type Safe } from '../html.js';
import type { CheckState } from '../session.js';
import { listInputFolder, type Workspace } from '../workspace.js';
import { formatBytes, layout, type PageContext } from './layout.js';
import { wordFor } from '../texts.js';
import { problemsBlock } from './check-page.js';

/** 数据: the input files, what each sheet was read as, upload and remove. */
export function dataPage(ctx: PageContext, ws: Workspace, state: CheckState, uploadLimit: string): Safe {
  const { t, lang } = ctx;
  const files = listInputFolder(ws);
  const sheets: readonly SheetReport[] = state.ok ? state.result.ingest.sheets : [];
  const skippedFiles = state.ok ? state.result.ingest.skippedFiles : [];
  const rows = files.map((f) => {
    const own = sheets.filter((s) => s.file === f.name);
    const skippedFile = skippedFiles.find((s) => s.path === f.name);
    const sheetRows = own.length > 0 ? own : [null];
    return sheetRows.map(
      (s, i) => h`<tr data-file="${f.name}">
        ${i === 0 ? h`<td rowspan="${sheetRows.length}" class="file-name">${f.name}</td><td rowspan="${sheetRows.length}" class="num">${formatBytes(f.bytes)}</td>` : h``}
        <td>${s?.sheet ?? (s ? 'CSV' : '')}</td>
        <td class="read-as">${s?.dataset ? DATASET_LABELS[s.dataset][lang] : s?.skipped ? h`<span class="muted">${t('skipped')}: ${wordFor(t, 'skipReasons', s.skipped) ?? s.skipped}</span>` : skippedFile ? h`<span class="muted">${t('skipped')}: ${wordFor(t, 'skipReasons', skippedFile.reason) ?? skippedFile.reason}</span>` : h``}</td>
        <td class="num">${s?.headerRow ?? ''}</td>
        <td class="num">${s?.dataset ? s.rowsRead : ''}</td>
        <td class="num">${s?.dataset ? s.rowsAccepted : ''}</td>
        <td class="num${s && s.rowsRejected > 0 ? ' bad' : ''}">${s?.dataset ? s.rowsRejected : ''}</td>
        ${i === 0 ? h`<td rowspan="${sheetRows.length}"><button type="button" class="remove-file" data-name="${f.name}">${t('remove')}</button></td>` : h``}
      </tr>`,
    );
  });
  const body = h`
  <section class="upload" id="dropzone">
    <p>${t('dropHere')} <label class="button" for="file-picker">${t('pick')}</label><input type="file" id="file-picker" multiple accept=".xlsx,.xlsm,.csv"></p>
    <p class="hint">${t('uploadRules', { limit: uploadLimit })}</p>
  </section>
  ${state.ok ? problemsBlock(ctx, state) : h``}
  ${
    files.length === 0
      ? h`<p class="empty">${t('noFiles')}</p>`
      : h`<div class="table-wrap"><table class="files"><thead><tr><th>${t('files')}</th><th>${t('size')}</th><th>${t('sheet')}</th><th>${t('readAs')}</th><th>${t('headerRow')}</th><th>${t('rowsRead')}</th><th>${t('rowsAccepted')}</th><th>${t('rowsRejected')}</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>`
  }`;
  return layout(ctx, 'data', t('dataTitle'), body);
}
