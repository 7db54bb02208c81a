import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { createWorkbench, type Workbench } from '../../src/server/app.js';
import { CSRF_HEADER, TOKEN_COOKIE } from '../../src/server/security.js';
import type { BuildEvent } from '../../src/server/session.js';
import { tempFolder } from '../helpers/fixtures.js';

const PORT = 4567;
const BASE = `http://127.0.0.1:${PORT}`;

function workbench(files: Readonly<Record<string, Buffer | string>> = {}, maxUploadBytes?: number): Workbench & { input: string; output: string } {
  const input = tempFolder(files);
  const output = path.join(tempFolder(), 'out');
  const wb = createWorkbench({
    input,
    output,
    port: PORT,
    asOf: '2025-12-31',
    lang: 'zh',
    today: () => '2025-12-31',
    now: () => new Date('2025-12-31T08:00:00Z'),
    ...(maxUploadBytes === undefined ? {} : { maxUploadBytes }),
  });
  return { ...wb, input, output };
}

/** A request as the user's browser sends it after opening the printed link. */
function asUser(wb: Workbench, pathname: string, init: RequestInit & { csrf?: boolean } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('cookie', `${TOKEN_COOKIE}=${wb.guard.token}`);
  if (init.csrf !== false && init.method && init.method !== 'GET') headers.set(CSRF_HEADER, wb.guard.csrf);
  return Promise.resolve(wb.app.request(`${BASE}${pathname}`, { ...init, headers }));
}

function upload(wb: Workbench, name: string, bytes: Buffer | string, replace = false): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  if (replace) form.append('replace', '1');
  return asUser(wb, '/api/files', { method: 'POST', body: form });
}

const SAMPLE = path.join(PACKAGE_ROOT, 'input');
const ORDERS_XLSX = readFileSync(path.join(SAMPLE, '订单评审台账2025.xlsx'));
const SURVEYS_CSV = readFileSync(path.join(SAMPLE, '客户满意度调查回收表.csv'));

describe('workbench security', () => {
  it('answers only to the loopback address it printed (DNS rebinding)', async () => {
    const wb = workbench();
    for (const host of ['evil.example:4567', 'localhost:4567', '127.0.0.1:80', '0.0.0.0:4567']) {
      const res = await wb.app.request(`http://${host}/check`, { headers: { cookie: `${TOKEN_COOKIE}=${wb.guard.token}` } });
      expect(res.status, host).toBe(400);
      expect(await res.text()).toContain('127.0.0.1');
    }
    expect((await asUser(wb, '/check')).status).toBe(200);
  });

  it('requires the launch token: from the printed URL once, then as an HttpOnly SameSite=Strict cookie', async () => {
    const wb = workbench({ '订单评审台账2025.xlsx': ORDERS_XLSX });
    const bare = await wb.app.request(`${BASE}/check`);
    expect(bare.status).toBe(403);
    const body = await bare.text();
    expect(body).toContain('终端打印的完整链接');
    expect(body).not.toContain('O1');

    expect((await wb.app.request(`${BASE}/check?token=wrong`)).status).toBe(403);
    expect((await wb.app.request(`${BASE}/check`, { headers: { cookie: `${TOKEN_COOKIE}=wrong` } })).status).toBe(403);

    const opened = await wb.app.request(wb.url);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/');
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${TOKEN_COOKIE}=${wb.guard.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // Assets need the token too.
    expect((await wb.app.request(`${BASE}/assets/workbench.js`)).status).toBe(403);
    expect((await asUser(wb, '/assets/workbench.js')).status).toBe(200);
  });

  it('refuses state-changing requests without the CSRF header or from another origin', async () => {
    const wb = workbench();
    const form = () => {
      const f = new FormData();
      f.append('file', new File([new Uint8Array(SURVEYS_CSV)], 'surveys.csv'));
      return f;
    };
    expect((await asUser(wb, '/api/files', { method: 'POST', body: form(), csrf: false })).status).toBe(403);
    expect((await asUser(wb, '/api/files', { method: 'POST', body: form(), csrf: false, headers: { [CSRF_HEADER]: 'wrong' } })).status).toBe(403);
    expect((await asUser(wb, '/api/files', { method: 'POST', body: form(), headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect(existsSync(path.join(wb.input, 'surveys.csv'))).toBe(false);
    const ok = await asUser(wb, '/api/files', { method: 'POST', body: form(), headers: { origin: BASE } });
    expect(ok.status).toBe(200);
    expect(readFileSync(path.join(wb.input, 'surveys.csv'))).toEqual(SURVEYS_CSV);
  });
});

describe('workbench uploads', () => {
  it('checks content against the extension and accepts only data files', async () => {
    const wb = workbench();
    const notZip = await upload(wb, 'orders.xlsx', 'just text, not a workbook');
    expect(notZip.status).toBe(400);
    expect(((await notZip.json()) as { problem: string }).problem).toBe('content');
    const binaryCsv = await upload(wb, 'data.csv', ORDERS_XLSX);
    expect(((await binaryCsv.json()) as { problem: string }).problem).toBe('content');
    const exe = await upload(wb, 'setup.exe', 'MZ');
    expect(((await exe.json()) as { problem: string }).problem).toBe('type');
    expect(readdirSync(wb.input)).toEqual([]);
  });

  it('makes names safe: no path leaves the input folder', async () => {
    const wb = workbench();
    const res = await upload(wb, '../../etc/订单 2025?.xlsx', ORDERS_XLSX);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('订单 2025_.xlsx');
    expect(readdirSync(wb.input)).toEqual(['订单 2025_.xlsx']);
  });

  it('never overwrites silently: an existing name is refused unless replaced, and the old file goes to .trash', async () => {
    const wb = workbench({ 'surveys.csv': 'old' });
    const refused = await upload(wb, 'surveys.csv', SURVEYS_CSV);
    expect(refused.status).toBe(409);
    expect(readFileSync(path.join(wb.input, 'surveys.csv'), 'utf8')).toBe('old');
    const replaced = await upload(wb, 'surveys.csv', SURVEYS_CSV, true);
    expect(replaced.status).toBe(200);
    expect(readFileSync(path.join(wb.input, 'surveys.csv'))).toEqual(SURVEYS_CSV);
    const trashed = readdirSync(path.join(wb.input, '.trash'));
    expect(trashed).toHaveLength(1);
    expect(readFileSync(path.join(wb.input, '.trash', trashed[0]!), 'utf8')).toBe('old');
  });

  it('limits the upload size', async () => {
    const wb = workbench({}, 1000);
    const over = await upload(wb, 'big.csv', 'a,b,c\n'.repeat(400));
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({ problem: 'size', error: 'big.csv：文件超过 1000 B' });
    // A body far over the limit is refused before it is read whole.
    const huge = await upload(wb, 'huge.csv', 'a,b,c\n'.repeat(20_000));
    expect(huge.status).toBe(413);
    expect(readdirSync(wb.input)).toEqual([]);
  });

  it('removes by moving to .trash, only files of the input folder', async () => {
    const wb = workbench({ 'surveys.csv': SURVEYS_CSV, 'sub/keep.csv': 'x' });
    const outside = await asUser(wb, '/api/files/remove', {
      method: 'POST',
      body: JSON.stringify({ name: '../sub/keep.csv' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(outside.status).toBe(404);
    const nested = await asUser(wb, '/api/files/remove', {
      method: 'POST',
      body: JSON.stringify({ name: 'sub/keep.csv' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.status).toBe(404);
    const res = await asUser(wb, '/api/files/remove', {
      method: 'POST',
      body: JSON.stringify({ name: 'surveys.csv' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(existsSync(path.join(wb.input, 'surveys.csv'))).toBe(false);
    expect(readFileSync(path.join(wb.input, '.trash', readdirSync(path.join(wb.input, '.trash'))[0]!))).toEqual(SURVEYS_CSV);
  });
});

describe('workbench files and errors', () => {
  it('serves output files only from inside the output folder', async () => {
    const wb = workbench({ 'secret.csv': 'a,b' });
    for (const p of [
      '/output/..%2Fsecret.csv',
      '/output/%2e%2e/secret.csv',
      '/output/..%5Csecret.csv',
      `/output/${encodeURIComponent(path.join(wb.input, 'secret.csv'))}`,
    ]) {
      expect((await asUser(wb, p)).status, p).toBe(404);
    }
  });

  it('shows errors as messages, never a stack trace', async () => {
    const wb = workbench();
    const res = await asUser(wb, '/api/files', { method: 'POST', body: '--x\r\nbroken', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toContain('.ts:');
  });

  it('checks the configuration with the schema, answers with the field, and saves only a valid one', async () => {
    const wb = workbench({ 'surveys.csv': SURVEYS_CSV, 'qmsdoc.config.json': '{"goals":{"surveyMean":85}}\n' });
    const post = (spec: unknown) => asUser(wb, '/api/config', { method: 'POST', body: JSON.stringify(spec), headers: { 'content-type': 'application/json' } });
    const bad = await post({ goals: { surveyMean: 150 } });
    expect(bad.status).toBe(422);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['goals.surveyMean']);
    expect(readFileSync(path.join(wb.input, 'qmsdoc.config.json'), 'utf8')).toBe('{"goals":{"surveyMean":85}}\n');
    const good = await post({ goals: { surveyMean: 95 } });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { headline: string }).headline).toContain('目标 95.0');
    expect(JSON.parse(readFileSync(path.join(wb.input, 'qmsdoc.config.json'), 'utf8'))).toEqual({ goals: { surveyMean: 95 } });
    expect(readdirSync(wb.input).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('runs one build at a time: a second gets a clear "building" answer', async () => {
    const wb = workbench();
    const done = new Promise<BuildEvent>((resolve) =>
      wb.session.events.on('build', (e: BuildEvent) => (e.kind === 'done' || e.kind === 'failed') && resolve(e)),
    );
    const first = await asUser(wb, '/api/build', { method: 'POST' });
    expect(first.status).toBe(202);
    const second = await asUser(wb, '/api/build', { method: 'POST' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toBe('正在生成，请等当前这次完成。');
    expect((await done).kind).toBe('done');
    expect(existsSync(path.join(wb.output, 'manifest.json'))).toBe(true);
    // Writing the config file next to the check must not break a later request.
    writeFileSync(path.join(wb.input, 'note.txt'), 'x');
    expect((await asUser(wb, '/documents')).status).toBe(200);
  });
});

describe('workbench side panels', () => {
  it('shows a finding with its rule, basis and the row as read, and an input error with its row', async () => {
    const wb = workbench({ '订单评审台账2025.xlsx': ORDERS_XLSX });
    const state = wb.session.check('zh');
    if (!state.ok) throw new Error('check failed');
    const findings = state.result.summary.findings;
    const index = findings.findIndex((f) => f.rule === 'O1');
    const f = findings[index]!;
    const html = await (await asUser(wb, `/panel/finding/${index}`)).text();
    expect(html).toContain(`<dd class="panel-file">${f.file}</dd>`);
    expect(html).toContain(`<dd class="panel-sheet">${f.sheet}</dd>`);
    expect(html).toContain(`<dd class="panel-row">${f.row}</dd>`);
    // The rule's requirement: the line of the audit readiness report's table of checks.
    expect(html).toContain('<dd>非标产品订单做了合同/订单评审（有评审日期）</dd>');
    expect(html).toContain(`程序文件 · 条款 ${f.clause}`);
    // The order number cell: raw and parsed both the record id; the product type read as its id.
    expect(html).toMatch(
      new RegExp(`<tr data-field="order_no"><td><span class="letter">[A-Z]+</span> [^<]+</td><td>${f.record}</td><td>${f.record}</td></tr>`),
    );
    expect(html).toMatch(/<tr data-field="product_type"><td><span class="letter">[A-Z]+<\/span> [^<]+<\/td><td>非标[^<]*<\/td><td>non_standard<\/td><\/tr>/);

    const errors = state.result.summary.inputErrors;
    const e = errors.findIndex((x) => x.row !== null && x.rejected);
    const errorHtml = await (await asUser(wb, `/panel/error/${e}`)).text();
    expect(errorHtml).toContain(`<dd class="panel-row">${errors[e]!.row}</dd>`);
    expect(errorHtml).toContain(errors[e]!.message);
    // A rejected row has no record: its cells show as written, nothing as read.
    expect(errorHtml).toMatch(/<tr data-field="order_no"><td>.*?<\/td><td>[^<]*<\/td><td><\/td><\/tr>/);
    expect((await asUser(wb, '/panel/finding/99999')).status).toBe(404);
  });
});
