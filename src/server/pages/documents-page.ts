import { readFileSync } from 'node:fs';
import path from 'node:path';
import { h, type Safe } from '../html.js';
import type { Session } from '../session.js';
import { listOutputFiles } from '../workspace.js';
import { formatBytes, layout, type PageContext } from './layout.js';

interface ManifestView {
  readonly asOf?: string;
  readonly tool?: { name?: string; version?: string };
  readonly outputs?: readonly { path: string; sha256: string; bytes: number }[];
  readonly inputs?: readonly { path: string; sha256: string; bytes: number }[];
}

/** 文档: build with live progress, every file of the output folder with preview and download, manifest.json. */
export function documentsPage(ctx: PageContext, session: Session): Safe {
  const { t } = ctx;
  const files = listOutputFiles(session.workspace);
  const manifest = readManifest(session.workspace.output);
  const last = session.lastBuild;
  const status = session.isBuilding
    ? t('building')
    : last?.kind === 'done'
      ? t('buildDone', { n: last.files ?? 0 })
      : last?.kind === 'failed'
        ? t('buildFailed', { message: last.message ?? '' })
        : '';
  const body = h`
  <section class="build">
    <button type="button" id="build-button" class="primary"${session.isBuilding ? h` disabled` : h``}>${t('build')}</button>
    <progress id="build-progress" max="1" value="0" hidden></progress>
    <span id="build-status" role="status">${status}</span>
    ${files.length > 0 ? h`<a class="button" href="/download/all.zip" download>${t('downloadAll')}</a>` : h``}
  </section>
  <div class="documents-layout">
  <section class="document-list">
    ${files.length === 0 ? h`<p class="empty">${t('noDocuments')}</p>` : documentTables(ctx, files)}
  </section>
  <section class="preview-pane"><iframe id="pdf-preview" title="${t('preview')}" hidden></iframe></section>
  </div>
  ${
    manifest?.outputs
      ? h`<section class="manifest"><h2>${t('manifest')}</h2><p>${manifest.tool?.name ?? ''} ${manifest.tool?.version ?? ''} · ${t('asOf')} ${manifest.asOf ?? ''}</p>
      <div class="table-wrap"><table><thead><tr><th>${t('files')}</th><th>${t('size')}</th><th>${t('sha256')}</th></tr></thead><tbody>
      ${[...(manifest.inputs ?? []).map((f) => ({ ...f, input: true })), ...manifest.outputs.map((f) => ({ ...f, input: false }))].map(
        (f) =>
          h`<tr><td>${f.input ? `${t('input')}: ` : ''}${f.path}</td><td class="num">${formatBytes(f.bytes)}</td><td><code class="hash">${f.sha256}</code></td></tr>`,
      )}
      </tbody></table></div></section>`
      : h``
  }`;
  return layout(ctx, 'documents', t('documentsTitle'), body);
}

const link = (p: string, inline: boolean) => `/output/${p.split('/').map(encodeURIComponent).join('/')}${inline ? '?inline=1' : ''}`;

/**
 * The documents as tables: the reports, workbooks and combined files first; the per-record forms
 * (hundreds in a year) folded per form, so the list stays readable.
 */
function documentTables(ctx: PageContext, files: readonly { path: string; bytes: number }[]): Safe {
  const { t } = ctx;
  const folderOf = (p: string) => {
    const parts = p.split('/');
    return parts.length >= 3 && parts[0] === 'forms' && parts[1] !== 'blank' ? `${parts[0]}/${parts[1]}/` : null;
  };
  const table = (
    list: readonly { path: string; bytes: number }[],
  ) => h`<div class="table-wrap"><table class="documents"><thead><tr><th>${t('files')}</th><th>${t('size')}</th><th></th></tr></thead><tbody>
    ${list.map(
      (f) =>
        h`<tr data-path="${f.path}"><td class="doc-name">${f.path}</td><td class="num">${formatBytes(f.bytes)}</td><td class="actions">${
          f.path.endsWith('.pdf') ? h`<button type="button" class="preview" data-src="${link(f.path, true)}">${t('preview')}</button> ` : h``
        }<a href="${link(f.path, false)}" download>${t('download')}</a></td></tr>`,
    )}
  </tbody></table></div>`;
  const folders = new Map<string, { path: string; bytes: number }[]>();
  for (const f of files) {
    const folder = folderOf(f.path);
    if (folder !== null) folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }
  // Reports first, then the workbooks and JSON, then the combined forms and the blank pack.
  const rank = (p: string) => (p.startsWith('reports/') ? 0 : !p.includes('/') ? 1 : p.startsWith('forms/blank/') ? 3 : 2);
  const top = files.filter((f) => folderOf(f.path) === null).sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1));
  return h`${table(top)}
    ${[...folders.entries()].map(([folder, list]) => h`<details class="record-forms"><summary>${folder} (${list.length})</summary>${table(list)}</details>`)}`;
}

function readManifest(output: string): ManifestView | null {
  try {
    return JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')) as ManifestView;
  } catch {
    return null;
  }
}
