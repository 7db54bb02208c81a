import { DATASETS } from '../../model/fields.js';
import { h, type Safe } from '../html.js';
import { listOutputFiles, type Workspace } from '../workspace.js';
import { layout, type PageContext } from './layout.js';
import { wordFor } from '../texts.js';

/** 模板: the blank input workbooks and the blank form pack. */
export function templatesPage(ctx: PageContext, ws: Workspace): Safe {
  const { t } = ctx;
  const blank = listOutputFiles(ws).filter((f) => f.path.startsWith('forms/blank/') && f.path.endsWith('.pdf'));
  const body = h`
  <p class="hint">${t('templatesIntro')}</p>
  <ul class="templates">${DATASETS.map((d) => h`<li><a class="button" href="/templates/${d}.xlsx" download data-template="${d}">${wordFor(t, 'datasets', d) ?? d} (.xlsx)</a></li>`)}</ul>
  <h2>${t('blankForms')}</h2>
  <p><button type="button" id="blank-forms-button">${t('blankFormsMake')}</button> <span id="blank-forms-status" role="status"></span></p>
  ${
    blank.length === 0
      ? h`<p class="empty">${t('blankFormsNone')}</p>`
      : h`<ul class="blank-forms">${blank.map((f) => h`<li><a href="/output/${f.path.split('/').map(encodeURIComponent).join('/')}" download>${f.path.slice('forms/blank/'.length)}</a></li>`)}</ul>`
  }`;
  return layout(ctx, 'templates', t('templatesTitle'), body);
}
