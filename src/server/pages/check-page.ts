import { formatRate, formatScore } from '../../issues/format-number.js';
import type { Dimension } from '../../config/defaults.js';
import { formatLimit } from '../../issues/finding-messages.js';
import { findingRecordText } from '../../issues/finding-record.js';
import { DATASET_LABELS, SEVERITY_LABELS } from '../../issues/labels.js';
import { METRIC_KIND, type ObjectiveMetric } from '../../model/objectives.js';
import { BAND_LABELS } from '../../text/domain-labels.js';
import type { SummaryFinding } from '../../model/summary.js';
import type { ChartSpec } from '../../render/charts/chart-spec.js';
import { h, jsonScript, type Safe } from '../html.js';
import { recordIndex, recordMonth, rowKey, type RowView } from '../row-view.js';
import type { CheckState } from '../session.js';
import { wordFor } from '../texts.js';
import { layout, type PageContext } from './layout.js';

type OkState = Extract<CheckState, { ok: true }>;

/** The headline figures and the quality objectives; also sent back after a settings change. */
export function headlineBlock(ctx: PageContext, state: CheckState): Safe {
  const { t, lang } = ctx;
  if (!state.ok) return h`<section id="headline" class="headline">${stateProblem(ctx, state)}</section>`;
  const { orders, complaints, satisfaction, findings } = state.headline;
  const card = (title: string, items: readonly [string, string, string?][]) =>
    h`<div class="card"><h3>${title}</h3><dl>${items.map(([k, v, key]) => h`<div${key ? h` data-figure="${key}"` : h``}><dt>${k}</dt><dd>${v}</dd></div>`)}</dl></div>`;
  const objectives = state.result.summary.review.objectives;
  return h`<section id="headline" class="headline" aria-label="${t('headline')}">
    <div class="cards">
      ${card(t('orders'), [
        [t('orders'), String(orders.total)],
        [t('reviewComplete'), `${orders.reviewComplete} (${formatRate(orders.completenessRate)})`],
        [t('signedBeforeReview'), String(orders.signedBeforeReview)],
      ])}
      ${card(t('complaints'), [
        [t('complaints'), String(complaints.total)],
        [t('open'), String(complaints.open)],
        [t('overdue'), String(complaints.overdue)],
        [t('major'), String(complaints.major)],
      ])}
      ${card(`${t('satisfaction')}${satisfaction.period ? ` ${satisfaction.period}` : ''}`, [
        [t('responseRate'), `${formatRate(satisfaction.responseRate)} / ${t('goal')} ${formatRate(satisfaction.responseRateGoal)}`, 'responseRate'],
        [
          t('mean'),
          `${formatScore(satisfaction.mean)}${satisfaction.band ? ` ${BAND_LABELS[satisfaction.band][lang]}` : ''} / ${t('goal')} ${formatScore(satisfaction.meanGoal)}`,
          'mean',
        ],
      ])}
      ${card(t('findings'), [
        [t('findings'), String(findings.total), 'findings'],
        ...(['major', 'minor', 'observation'] as const).map((s): [string, string] => [SEVERITY_LABELS[s][lang], String(findings.bySeverity[s])]),
      ])}
    </div>
    <table class="objectives"><caption>${t('objectives')}</caption><thead><tr><th></th><th>${t('target')}</th><th>${t('actual')}</th><th></th></tr></thead><tbody>
      ${objectives.map(
        (o) =>
          h`<tr data-metric="${o.metric}"><td>${o.label}</td><td class="num">${o.direction === 'atMost' ? '≤ ' : '≥ '}${formatMetric(o.metric, o.target)}</td><td class="num">${o.actual === null ? t('noData') : formatMetric(o.metric, o.actual)}</td><td class="${o.met === null ? 'muted' : o.met ? 'ok' : 'bad'}">${o.met === null ? '—' : o.met ? t('met') : t('notMet')}</td></tr>`,
      )}
    </tbody></table>
  </section>`;
}

function formatMetric(metric: string, value: number): string {
  const unit = METRIC_KIND[metric as ObjectiveMetric]?.unit ?? 'rate';
  return unit === 'rate' ? formatRate(value) : unit === 'score' ? formatScore(value) : String(Math.round(value * 10) / 10);
}

function stateProblem(ctx: PageContext, state: Exclude<CheckState, { ok: true }>): Safe {
  if (state.reason === 'config') {
    return h`<div class="error-box"><p>${ctx.t('configBroken')}</p><ul>${state.issues.map((i) => h`<li><code>${i.path}</code> ${i.message}</li>`)}</ul><p><a href="/settings">${ctx.t('nav.settings')}</a></p></div>`;
  }
  return h`<div class="error-box"><p>${state.message}</p></div>`;
}

/** Files that could not be read at all (a damaged or protected workbook). */
export function problemsBlock(ctx: PageContext, state: OkState): Safe {
  const problems = state.result.ingest.problems;
  if (problems.length === 0) return h``;
  return h`<div class="error-box"><p>${ctx.t('fileProblems')}</p><ul>${problems.map((p) => h`<li><code>${p.file}</code> ${p.detail}</li>`)}</ul></div>`;
}

/** 检查: headline, charts, findings with filters, input errors. */
export function checkPage(ctx: PageContext, state: CheckState, charts: Readonly<Record<string, ChartSpec>>): Safe {
  const { t, lang } = ctx;
  if (!state.ok) return layout(ctx, 'check', t('checkTitle'), headlineBlock(ctx, state));
  const summary = state.result.summary;
  const index = recordIndex(state.result.ingest);
  const dimensions = state.loaded.config.satisfaction.dimensions;
  const rows = summary.findings.map((f, i) => {
    const shown = findingRecordText(f, dimensions, lang);
    const record = f.file !== null && f.row !== null ? index.get(rowKey(f.file, f.sheet, f.row)) : undefined;
    const month = recordMonth(record);
    const customer = record && 'customer' in record ? record.customer : '';
    return h`<tr class="finding" tabindex="0" data-index="${i}" data-dataset="${f.dataset}" data-severity="${f.severity}" data-clause="${f.clause ?? ''}" data-basis="${f.basis}" data-month="${month ?? ''}" data-search="${`${f.record} ${shown} ${customer}`.toLowerCase()}">
      <td><span class="sev sev-${f.severity}">${SEVERITY_LABELS[f.severity][lang]}</span></td>
      <td>${f.rule}</td><td>${f.clause ?? '—'}</td><td>${wordFor(t, 'basisNames', f.basis) ?? f.basis}</td>
      <td>${DATASET_LABELS[f.dataset][lang]}</td>
      <td class="record">${shown}</td>
      <td class="where">${f.file === null ? '—' : `${f.file}${f.sheet ? ` · ${f.sheet}` : ''}${f.row !== null ? ` · ${t('row')} ${f.row}` : ''}`}</td>
      <td>${f.message}</td>
    </tr>`;
  });
  const months = [
    ...new Set(
      summary.findings
        .map((f) => (f.file !== null && f.row !== null ? recordMonth(index.get(rowKey(f.file, f.sheet, f.row))) : null))
        .filter((m): m is string => m !== null),
    ),
  ].sort();
  const clauses = [...new Set(summary.findings.map((f) => f.clause).filter((c): c is string => c !== null))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const bases = [...new Set(summary.findings.map((f) => f.basis))];
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) =>
    h`<label>${label} <select data-filter="${name}"><option value="">${t('all')}</option>${options.map(([v, l]) => h`<option value="${v}">${l}</option>`)}</select></label>`;
  const errors = summary.inputErrors.map(
    (e, i) => h`<tr class="input-error" tabindex="0" data-index="${i}"${e.row === null ? h` data-no-row="1"` : h``}>
      <td><span class="sev ${e.level === 'error' ? 'sev-major' : 'sev-observation'}">${wordFor(t, 'errorLevels', e.level) ?? e.level}</span>${e.rejected ? h` <span class="muted">${t('rejected')}</span>` : h``}</td>
      <td class="where">${e.file}${e.sheet ? ` · ${e.sheet}` : ''}${e.row !== null ? ` · ${t('row')} ${e.row}` : ''}${e.columnLetter ? ` · ${e.columnLetter}` : ''}</td>
      <td>${e.column ?? ''}</td><td>${e.value ?? ''}</td><td>${e.message}</td>
    </tr>`,
  );
  const body = h`
  ${headlineBlock(ctx, state)}
  ${problemsBlock(ctx, state)}
  <section class="charts" aria-label="${t('charts')}">
    ${Object.keys(charts).map((key) => h`<figure class="chart"><canvas data-chart="${key}" role="img" aria-label="${key}"></canvas></figure>`)}
    ${jsonScript('chart-specs', charts)}
  </section>
  <section class="findings">
    <h2>${t('findings')} <span id="findings-count" data-total="${summary.findings.length}">${t('findingsCount', { n: summary.findings.length })}</span></h2>
    <div class="filters">
      ${select(
        'dataset',
        t('dataset'),
        (['orders', 'complaints', 'surveys'] as const).map((d) => [d, DATASET_LABELS[d][lang]] as const),
      )}
      ${select(
        'basis',
        t('basis'),
        bases.map((b) => [b, wordFor(t, 'basisNames', b) ?? b] as const),
      )}
      ${select(
        'severity',
        t('severity'),
        (['major', 'minor', 'observation'] as const).map((s) => [s, SEVERITY_LABELS[s][lang]] as const),
      )}
      ${select(
        'clause',
        t('clause'),
        clauses.map((c) => [c, c] as const),
      )}
      ${select(
        'month',
        t('month'),
        months.map((m) => [m, m] as const),
      )}
      <label class="search">${t('search')} <input type="search" data-filter="search"></label>
    </div>
    <div class="table-wrap"><table class="findings-table"><thead><tr><th>${t('severity')}</th><th>${t('rule')}</th><th>${t('clause')}</th><th>${t('basis')}</th><th>${t('dataset')}</th><th>${t('record')}</th><th>${t('where')}</th><th>${t('message')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div>
  </section>
  <section class="input-errors">
    <h2>${t('inputErrors')} <span>${summary.inputErrors.length}</span></h2>
    <div class="table-wrap"><table><thead><tr><th>${t('level')}</th><th>${t('where')}</th><th>${t('column')}</th><th>${t('value')}</th><th>${t('message')}</th></tr></thead><tbody>${errors}</tbody></table></div>
  </section>`;
  return layout(ctx, 'check', t('checkTitle'), body);
}

/**
 * The side panel of a finding: where it is, the rule's requirement (`requirement`, the rule's
 * one line of ruleDescriptions) and limit, the row as read.
 */
export function findingPanel(ctx: PageContext, f: SummaryFinding, requirement: string, view: RowView | null, dimensions: readonly Dimension[]): Safe {
  const { t, lang } = ctx;
  const { basis, limit } = f;
  return h`<div class="panel-head"><h2>${f.rule}${f.clause ? ` · ${f.clause}` : ''} · <span class="sev sev-${f.severity}">${SEVERITY_LABELS[f.severity][lang]}</span></h2><button type="button" class="close-panel" aria-label="${t('close')}">×</button></div>
    <p class="panel-message">${f.message}</p>
    <dl class="facts">
      <div><dt>${t('record')}</dt><dd>${findingRecordText(f, dimensions, lang)}</dd></div>
      <div><dt>${t('requirement')}</dt><dd>${requirement}</dd></div>
      <div><dt>${t('basis')}</dt><dd class="panel-basis">${wordFor(t, 'basisNames', basis) ?? basis}${f.clause ? ` · ${t('clause')} ${f.clause}` : ''}</dd></div>
      ${limit ? h`<div><dt>${t('limit')}</dt><dd class="panel-limit">${formatLimit(limit, lang)} <code>${limit.key}</code></dd></div>` : h``}
      ${f.file !== null ? h`<div><dt>${t('file')}</dt><dd class="panel-file">${f.file}</dd></div><div><dt>${t('sheet')}</dt><dd class="panel-sheet">${f.sheet ?? 'CSV'}</dd></div><div><dt>${t('row')}</dt><dd class="panel-row">${f.row ?? ''}</dd></div>` : h``}
    </dl>
    ${rowTable(ctx, view, f.file === null)}`;
}

/** The side panel of an input error: its message and the row as read. */
export function inputErrorPanel(
  ctx: PageContext,
  e: { file: string; sheet: string | null; row: number | null; column: string | null; value: string | null; message: string; level: string },
  view: RowView | null,
): Safe {
  const { t } = ctx;
  return h`<div class="panel-head"><h2>${t('inputErrors')} · ${wordFor(t, 'errorLevels', e.level) ?? e.level}</h2><button type="button" class="close-panel" aria-label="${t('close')}">×</button></div>
    <p class="panel-message">${e.message}</p>
    <dl class="facts">
      <div><dt>${t('file')}</dt><dd class="panel-file">${e.file}</dd></div><div><dt>${t('sheet')}</dt><dd class="panel-sheet">${e.sheet ?? 'CSV'}</dd></div><div><dt>${t('row')}</dt><dd class="panel-row">${e.row ?? ''}</dd></div>
      ${e.column ? h`<div><dt>${t('column')}</dt><dd>${e.column}</dd></div>` : h``}
      ${e.value !== null ? h`<div><dt>${t('value')}</dt><dd>${e.value}</dd></div>` : h``}
    </dl>
    ${rowTable(ctx, view, e.row === null)}`;
}

function rowTable(ctx: PageContext, view: RowView | null, wholePeriod: boolean): Safe {
  const { t } = ctx;
  if (view === null) return wholePeriod ? h`<p class="muted">${t('noRow')}</p>` : h``;
  if (view.unreadable) return h`<p class="muted">${t('rowGone')}</p>`;
  return h`<h3>${t('rowAsRead')}</h3><div class="table-wrap"><table class="row-view"><thead><tr><th>${t('column')}</th><th>${t('rawValue')}</th><th>${t('parsedValue')}</th></tr></thead><tbody>
    ${view.cells.map((c) => h`<tr data-field="${c.field}"><td><span class="letter">${c.letter}</span> ${c.header}</td><td>${c.raw ?? ''}</td><td>${c.parsed ?? ''}</td></tr>`)}
  </tbody></table></div>`;
}
