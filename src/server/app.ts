import { readFileSync, existsSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { inputTemplate, templateFileName } from '../init/input-templates.js';
import { DATASETS, type DatasetId } from '../model/fields.js';
import type { Lang } from '../model/lang.js';
import { PACKAGE_ROOT } from '../paths.js';
import { zipArchive } from '../zip/zip-writer.js';
import { OutputFolderError } from '../emit/output-folder-error.js';
import { outputFolderFailure } from '../emit/output-folder-text.js';
import { createGuard, guardRequests, type Guard } from './security.js';
import { Session, type BuildEvent } from './session.js';
import { textsFor, uploadProblem, wordFor } from './texts.js';
import { createWorkspace, listOutputFiles, moveToTrash, outputFilePath, saveUpload, UploadError, MAX_UPLOAD_BYTES } from './workspace.js';
import { formatBytes, messagePage, type PageContext, type PageId } from './pages/layout.js';
import { dataPage } from './pages/data-page.js';
import { checkPage, findingPanel, headlineBlock, inputErrorPanel } from './pages/check-page.js';
import { documentsPage } from './pages/documents-page.js';
import { settingsPage } from './pages/settings-page.js';
import { templatesPage } from './pages/templates-page.js';
import { readRowView, recordIndex } from './row-view.js';
import { workbenchCharts } from './charts.js';
import { ruleDescriptions } from '../reports/rule-texts.js';

export interface WorkbenchOptions {
  readonly input: string;
  readonly output: string;
  readonly port: number;
  /** Fixed as-of date, or null for today. */
  readonly asOf: string | null;
  /** Language before the user switches. */
  readonly lang: Lang;
  /** Today's date YYYY-MM-DD (the clock is read at the edge). */
  readonly today: () => string;
  readonly now: () => Date;
  /** Largest upload per file; default MAX_UPLOAD_BYTES (tests lower it). */
  readonly maxUploadBytes?: number;
}

export interface Workbench {
  readonly app: Hono;
  readonly guard: Guard;
  readonly session: Session;
  /** The URL to open, with the token. */
  readonly url: string;
}

const LANG_COOKIE = 'qmsdoc_lang';
const WEB_DIR = path.join(PACKAGE_ROOT, 'web');
const require = createRequire(import.meta.url);

/** The workbench app over one workspace: pages, API, files — every request through the guard. */
export function createWorkbench(options: WorkbenchOptions): Workbench {
  const guard = createGuard(options.port);
  const workspace = createWorkspace(options.input, options.output);
  const session = new Session({ workspace, asOf: options.asOf, today: options.today });
  const app = new Hono();
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;

  const langOf = (c: Context): Lang => {
    const chosen = getCookie(c, LANG_COOKIE);
    return chosen === 'en' || chosen === 'zh' ? chosen : options.lang;
  };
  const pageContext = (c: Context): PageContext => {
    const lang = langOf(c);
    return { lang, t: textsFor(lang), csrf: guard.csrf, workspace: { input: workspace.input, output: workspace.output, asOf: session.asOf() } };
  };
  const isApi = (c: Context) => new URL(c.req.url).pathname.startsWith('/api/');

  app.use(
    '*',
    guardRequests(guard, (c, status, reason) => {
      const t = textsFor(langOf(c));
      return isApi(c) ? c.json({ error: t(`denied.${reason}`) }, status) : c.html(messagePage(langOf(c), t('app'), t(`denied.${reason}`)).text, status);
    }),
  );

  app.onError((error, c) => {
    const t = textsFor(langOf(c));
    const message = t('unexpected', { message: error instanceof Error ? error.message : String(error) });
    process.stderr.write(`qmsdoc serve: ${message}\n`);
    return isApi(c) ? c.json({ error: message }, 500) : c.html(messagePage(langOf(c), t('app'), message).text, 500);
  });
  app.notFound((c) => {
    const t = textsFor(langOf(c));
    return isApi(c) ? c.json({ error: t('notFound') }, 404) : c.html(messagePage(langOf(c), t('app'), t('notFound')).text, 404);
  });

  app.get('/', (c) => c.redirect('/check', 303));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang') === 'en' ? 'en' : 'zh';
    setCookie(c, LANG_COOKIE, lang, { sameSite: 'Strict', path: '/', httpOnly: true });
    const back = c.req.query('back') ?? '/check';
    return c.redirect(/^\/[a-z]*$/.test(back) ? back : '/check', 303);
  });

  // Pages
  const page = (id: PageId) => (c: Context) => {
    const ctx = pageContext(c);
    const state = session.check(ctx.lang);
    switch (id) {
      case 'data':
        return c.html(dataPage(ctx, workspace, state, formatBytes(maxUpload)).text);
      case 'check':
        return c.html(checkPage(ctx, state, state.ok ? workbenchCharts(state.result.summary, state.loaded.config, ctx.lang) : {}).text);
      case 'documents':
        return c.html(documentsPage(ctx, session).text);
      case 'settings':
        return c.html(settingsPage(ctx, state, session.configSpec(), state.ok ? state.loaded.config : null).text);
      case 'templates':
        return c.html(templatesPage(ctx, workspace).text);
    }
  };
  for (const id of ['data', 'check', 'documents', 'settings', 'templates'] as const) app.get(`/${id}`, page(id));

  // Side panels
  app.get('/panel/finding/:index', (c) => {
    const ctx = pageContext(c);
    const state = session.check(ctx.lang);
    const f = state.ok ? state.result.summary.findings[Number(c.req.param('index'))] : undefined;
    if (!state.ok || !f) return c.notFound();
    const view =
      f.file !== null && f.row !== null ? readRowView(workspace.input, state.result.ingest, recordIndex(state.result.ingest), f.file, f.sheet, f.row) : null;
    return c.html(findingPanel(ctx, f, ruleDescriptions(state.loaded.config, ctx.lang)[f.rule], view, state.loaded.config.satisfaction.dimensions).text);
  });
  app.get('/panel/error/:index', (c) => {
    const ctx = pageContext(c);
    const state = session.check(ctx.lang);
    const e = state.ok ? state.result.summary.inputErrors[Number(c.req.param('index'))] : undefined;
    if (!state.ok || !e) return c.notFound();
    const view = e.row !== null ? readRowView(workspace.input, state.result.ingest, recordIndex(state.result.ingest), e.file, e.sheet, e.row) : null;
    return c.html(inputErrorPanel(ctx, e, view).text);
  });

  // Input files
  app.post(
    '/api/files',
    bodyLimit({
      maxSize: maxUpload + 64 * 1024,
      onError: (c) =>
        c.json({ error: textsFor(langOf(c))('upload.size', { name: '', limit: formatBytes(maxUpload) }).replace(/^[：:]\s*/, ''), problem: 'size' }, 413),
    }),
    async (c) => {
      const t = textsFor(langOf(c));
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File)) return c.json({ error: t('upload.name', { name: '' }), problem: 'name' }, 400);
      try {
        const name = saveUpload(workspace, file.name, Buffer.from(await file.arrayBuffer()), body.replace === '1', options.now(), maxUpload);
        session.invalidate();
        return c.json({ ok: true, name, message: t('uploaded', { name }) });
      } catch (error) {
        if (error instanceof UploadError) {
          return c.json(
            { error: uploadProblem(t, error.problem, { name: error.fileName, limit: formatBytes(maxUpload) }), problem: error.problem, name: error.fileName },
            error.problem === 'exists' ? 409 : 400,
          );
        }
        throw error;
      }
    },
  );
  app.post('/api/files/remove', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    const t = textsFor(langOf(c));
    const { name } = (await c.req.json().catch(() => ({}))) as { name?: unknown };
    const moved = typeof name === 'string' ? moveToTrash(workspace, name, options.now()) : null;
    if (moved === null) return c.json({ error: t('notFound') }, 404);
    session.invalidate();
    return c.json({ ok: true, trash: moved, message: t('removed', { name: String(name) }) });
  });

  // Settings
  app.post('/api/config', bodyLimit({ maxSize: 1024 * 1024 }), async (c) => {
    const ctx = pageContext(c);
    const spec: unknown = await c.req.json().catch(() => undefined);
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec))
      return c.json({ issues: [{ path: '(top level)', message: 'JSON object expected' }] }, 422);
    // Checked exactly as a run loads it (schema, cross-checks, the logo file), from a temporary file beside the real one.
    const temporary = path.join(workspace.input, `.qmsdoc.config.${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(spec, null, 2)}\n`);
    try {
      loadConfig(temporary, ctx.lang);
    } catch (error) {
      rmSync(temporary, { force: true });
      if (error instanceof ConfigError) return c.json({ issues: error.issues }, 422);
      throw error;
    }
    renameSync(temporary, workspace.configFile);
    session.invalidate();
    return c.json({ ok: true, headline: headlineBlock(ctx, session.check(ctx.lang)).text });
  });

  // Build
  app.post('/api/build', (c) => {
    const ctx = pageContext(c);
    if (session.isBuilding) return c.json({ error: ctx.t('buildBusy'), busy: true }, 409);
    const state = session.check(ctx.lang);
    if (!state.ok) return c.json({ error: ctx.t('configBroken') }, 400);
    session.startBuild(ctx.lang, (error) =>
      error instanceof OutputFolderError ? outputFolderFailure(error, ctx.lang).message : error instanceof Error ? error.message : String(error),
    );
    return c.json({ ok: true }, 202);
  });
  app.post('/api/forms/blank', async (c) => {
    const ctx = pageContext(c);
    if (session.isBuilding) return c.json({ error: ctx.t('buildBusy'), busy: true }, 409);
    const state = session.check(ctx.lang);
    if (!state.ok) return c.json({ error: ctx.t('configBroken') }, 400);
    let files;
    try {
      files = await session.renderBlankForms(ctx.lang);
    } catch (error) {
      if (error instanceof OutputFolderError) return c.json({ error: outputFolderFailure(error, ctx.lang).message }, 409);
      throw error;
    }
    if (files === null) return c.json({ error: ctx.t('buildBusy'), busy: true }, 409);
    return c.json({ ok: true, files });
  });
  app.get('/api/build/events', (c) => {
    const t = textsFor(langOf(c));
    return streamSSE(c, async (stream) => {
      const describe = (e: BuildEvent) => ({
        ...e,
        text:
          e.kind === 'done'
            ? t('buildDone', { n: e.files ?? 0 })
            : e.kind === 'failed'
              ? t('buildFailed', { message: e.message ?? '' })
              : e.kind === 'progress'
                ? `${wordFor(t, 'stages', e.stage ?? '') ?? e.stage} ${e.done}/${e.total}`
                : t('building'),
      });
      let finished!: () => void;
      const ended = new Promise<void>((resolve) => (finished = resolve));
      const listener = (e: BuildEvent) => {
        void stream.writeSSE({ event: 'build', data: JSON.stringify(describe(e)) });
        if (e.kind === 'done' || e.kind === 'failed') finished();
      };
      if (!session.isBuilding) {
        await stream.writeSSE({ event: 'build', data: JSON.stringify(session.lastBuild ? describe(session.lastBuild) : { kind: 'idle' }) });
        return;
      }
      session.events.on('build', listener);
      stream.onAbort(finished);
      await ended;
      session.events.off('build', listener);
    });
  });

  // Files of the output folder
  app.get('/output/*', (c) => {
    const relative = decodeURIComponent(new URL(c.req.url).pathname.slice('/output/'.length));
    const file = outputFilePath(workspace, relative);
    if (file === null) return c.notFound();
    const inline = c.req.query('inline') === '1' && file.endsWith('.pdf');
    return sendBytes(c, readFileSync(file), path.basename(file), inline);
  });
  app.get('/download/all.zip', (c) => {
    const members = listOutputFiles(workspace).map((f) => ({ name: f.path, data: readFileSync(path.join(workspace.output, f.path)) }));
    return sendBytes(c, zipArchive(members, session.asOf()), 'qmsdoc-output.zip', false);
  });
  app.get('/templates/:file', (c) => {
    const ctx = pageContext(c);
    const dataset = c.req.param('file').replace(/\.xlsx$/, '') as DatasetId;
    if (!DATASETS.includes(dataset)) return c.notFound();
    const state = session.check(ctx.lang);
    const config = state.ok ? state.loaded.config : null;
    if (config === null) return c.json({ error: ctx.t('configBroken') }, 400);
    return sendBytes(c, inputTemplate(dataset, config, ctx.lang), templateFileName(dataset, ctx.lang), false);
  });

  // Assets: the page's own script and style, chart.js's UMD build, the Noto Sans SC web fonts.
  const asset = (file: string, type: string) => (c: Context) => c.body(readFileSync(file), 200, { 'Content-Type': type });
  app.get('/assets/workbench.js', asset(path.join(WEB_DIR, 'workbench.js'), 'text/javascript; charset=utf-8'));
  app.get('/assets/workbench.css', asset(path.join(WEB_DIR, 'workbench.css'), 'text/css; charset=utf-8'));
  app.get('/assets/chart.umd.js', asset(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'text/javascript; charset=utf-8'));
  const fontDir = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  let fontsCss: string | null = null;
  app.get('/assets/fonts.css', (c) => {
    fontsCss ??= ['400.css', '700.css']
      .map((f) => readFileSync(path.join(fontDir, f), 'utf8'))
      .join('\n')
      .replace(/url\(\.\/files\//g, 'url(/assets/fonts/');
    return c.body(fontsCss, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/assets/fonts/:file', (c) => {
    const name = c.req.param('file');
    if (!/^noto-sans-sc-[a-z0-9-]+\.woff2?$/.test(name) || !existsSync(path.join(fontDir, 'files', name))) return c.notFound();
    return c.body(readFileSync(path.join(fontDir, 'files', name)), 200, { 'Content-Type': name.endsWith('2') ? 'font/woff2' : 'font/woff' });
  });

  return { app, guard, session, url: `http://${guard.host}/?token=${guard.token}` };
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
};

function sendBytes(c: Context, bytes: Buffer, name: string, inline: boolean): Response {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}
