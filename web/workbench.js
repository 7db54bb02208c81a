// qmsdoc workbench: small progressive scripts over server-rendered pages. Every state-changing
// request carries the page's CSRF token in a header; the session token travels as a cookie.
'use strict';

(function () {
  const csrf = document.querySelector('meta[name="qmsdoc-csrf"]')?.getAttribute('content') ?? '';
  const page = document.body.dataset.page;
  const flash = document.getElementById('flash');
  // The page's words, from the same message files as the server's (templates/messages/workbench.*.json).
  const texts = JSON.parse(document.body.dataset.texts || '{}');
  function pageText(key, values) {
    return (texts[key] ?? key).replace(/\{\{(\w+)\}\}/g, (whole, name) => (values && name in values ? String(values[name]) : whole));
  }

  function say(text, kind) {
    if (!flash) return;
    const p = document.createElement('p');
    p.className = kind === 'error' ? 'error' : 'ok';
    p.textContent = text;
    flash.appendChild(p);
  }

  async function post(url, body, json) {
    const headers = { 'X-Qmsdoc-Csrf': csrf };
    if (json) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, { method: 'POST', headers, body: json ? JSON.stringify(body) : body, credentials: 'same-origin' });
    let data = {};
    try {
      data = await response.json();
    } catch {
      data = { error: response.statusText };
    }
    return { status: response.status, data };
  }

  // 数据: upload by drop or picker, remove to trash.
  if (page === 'data') {
    const zone = document.getElementById('dropzone');
    const picker = document.getElementById('file-picker');
    async function upload(files) {
      let changed = false;
      for (const file of files) {
        const form = new FormData();
        form.append('file', file);
        let result = await post('/api/files', form, false);
        if (result.status === 409 && window.confirm(pageText('replaceConfirm', { name: result.data.name ?? file.name }))) {
          const again = new FormData();
          again.append('file', file);
          again.append('replace', '1');
          result = await post('/api/files', again, false);
        }
        if (result.data.ok) changed = true;
        say(result.data.message ?? result.data.error ?? String(result.status), result.data.ok ? 'ok' : 'error');
      }
      if (changed) window.setTimeout(() => window.location.reload(), 400);
    }
    picker?.addEventListener('change', () => upload([...picker.files]));
    zone?.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone?.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone?.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      upload([...e.dataTransfer.files]);
    });
    for (const button of document.querySelectorAll('.remove-file')) {
      button.addEventListener('click', async () => {
        const name = button.dataset.name;
        if (!window.confirm(pageText('removeConfirm', { name }))) return;
        const result = await post('/api/files/remove', { name }, true);
        say(result.data.message ?? result.data.error, result.data.ok ? 'ok' : 'error');
        if (result.data.ok) window.setTimeout(() => window.location.reload(), 400);
      });
    }
  }

  // Side panel (检查): a finding or an input error with its row as read.
  const panel = document.getElementById('panel');
  async function openPanel(url, row) {
    const response = await fetch(url, { credentials: 'same-origin' });
    panel.innerHTML = await response.text();
    panel.hidden = false;
    document.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
    row.classList.add('selected');
    panel.querySelector('.close-panel')?.addEventListener('click', () => {
      panel.hidden = true;
      row.classList.remove('selected');
      row.focus();
    });
  }

  if (page === 'check') {
    for (const row of document.querySelectorAll('tr.finding, tr.input-error')) {
      const url = `/panel/${row.classList.contains('finding') ? 'finding' : 'error'}/${row.dataset.index}`;
      row.addEventListener('click', () => openPanel(url, row));
      row.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') openPanel(url, row);
      });
    }
    const filters = [...document.querySelectorAll('[data-filter]')];
    const count = document.getElementById('findings-count');
    const countText = (n, total) => (n === total ? pageText('findingsCount', { n }) : pageText('page.findingsOf', { n, total }));
    function applyFilters() {
      const wanted = Object.fromEntries(filters.map((f) => [f.dataset.filter, f.value.trim().toLowerCase()]));
      let shown = 0;
      const rows = document.querySelectorAll('tr.finding');
      for (const row of rows) {
        const ok = Object.entries(wanted).every(([key, value]) => value === '' || (key === 'search' ? row.dataset.search.includes(value) : row.dataset[key] === value));
        row.hidden = !ok;
        if (ok) shown++;
      }
      if (count) count.textContent = countText(shown, rows.length);
    }
    filters.forEach((f) => f.addEventListener('input', applyFilters));
    drawCharts();
  }

  // Charts: the PDF's chart definitions, drawn by chart.js (loaded only on the 检查 page).
  function drawCharts() {
    const specs = JSON.parse(document.getElementById('chart-specs')?.textContent ?? '{}');
    if (Object.keys(specs).length === 0) return;
    const script = document.createElement('script');
    script.src = '/assets/chart.umd.js';
    // The web font comes in unicode-range pieces, fetched for the characters the page's text
    // uses; a canvas does not ask for them, so the charts' own characters (月, a title) would
    // draw as boxes. The pieces the charts' texts need are loaded first, both weights.
    const texts = JSON.stringify(specs);
    const fonts = document.fonts ? Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 12px 'Noto Sans SC'`, texts))) : Promise.resolve();
    script.onload = () => {
      const draw = () => {
        for (const [key, spec] of Object.entries(specs)) {
          const canvas = document.querySelector(`canvas[data-chart="${key}"]`);
          if (canvas) new window.Chart(canvas, browserChart(spec, canvas));
        }
      };
      fonts.then(draw, draw);
    };
    document.head.appendChild(script);
  }

  const FONT = "'Noto Sans SC', sans-serif";
  function browserChart(spec, canvas) {
    const config = JSON.parse(JSON.stringify(spec).replaceAll('NotoSansHans', 'Noto Sans SC'));
    const ctx = canvas.getContext('2d');
    for (const dataset of config.data.datasets) {
      const fill = dataset.backgroundColor;
      dataset.backgroundColor = Array.isArray(fill) ? fill.map((f) => pattern(ctx, f)) : pattern(ctx, fill);
    }
    for (const scale of Object.values(config.options.scales ?? {})) {
      if (scale.ticks?.callback === '%') scale.ticks.callback = (v) => `${v}%`;
    }
    config.options.responsive = true;
    config.options.maintainAspectRatio = true;
    config.options.aspectRatio = 760 / 330;
    config.options.animation = false;
    config.plugins = [valueLabels];
    return config;
  }

  // Same fills as the PDFs: hatched and dark bars that stay apart in greyscale.
  function pattern(ctx, fill) {
    if (typeof fill !== 'string' || !fill.startsWith('pattern:')) return fill;
    const name = fill.slice(8);
    const size = 12;
    const tile = document.createElement('canvas');
    tile.width = size;
    tile.height = size;
    const c = tile.getContext('2d');
    c.fillStyle = name === 'dark' ? '#3a3a3a' : '#ffffff';
    c.fillRect(0, 0, size, size);
    c.strokeStyle = '#000000';
    c.fillStyle = '#000000';
    c.lineWidth = 2;
    if (name === 'diagonal' || name === 'cross') {
      c.beginPath();
      c.moveTo(0, size);
      c.lineTo(size, 0);
      c.moveTo(-size / 2, size / 2);
      c.lineTo(size / 2, -size / 2);
      c.moveTo(size / 2, size * 1.5);
      c.lineTo(size * 1.5, size / 2);
      if (name === 'cross') {
        c.moveTo(0, 0);
        c.lineTo(size, size);
      }
      c.stroke();
    } else if (name === 'dots') {
      c.beginPath();
      c.arc(size / 2, size / 2, 2.2, 0, Math.PI * 2);
      c.fill();
    }
    return ctx.createPattern(tile, 'repeat');
  }

  const valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const options = chart.options.plugins?.valueLabels;
      if (!options || options.decimals === undefined) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#000000';
      ctx.font = `bold 12px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      chart.data.datasets.forEach((dataset, i) => {
        if (options.datasets && !options.datasets.includes(i)) return;
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        meta.data.forEach((element, j) => {
          const value = dataset.data[j];
          if (typeof value !== 'number') return;
          ctx.fillText(value.toFixed(options.decimals), element.x, element.y - 3);
        });
      });
      ctx.restore();
    },
  };

  // 文档: build with live progress (server-sent events), inline PDF preview.
  if (page === 'documents') {
    const button = document.getElementById('build-button');
    const progress = document.getElementById('build-progress');
    const status = document.getElementById('build-status');
    function follow() {
      const events = new EventSource('/api/build/events');
      events.addEventListener('build', (e) => {
        const event = JSON.parse(e.data);
        if (event.text) status.textContent = event.text;
        if (event.kind === 'progress' && event.total) {
          progress.hidden = false;
          progress.max = event.total;
          progress.value = event.done;
        }
        if (event.kind === 'done' || event.kind === 'failed' || event.kind === 'idle') {
          events.close();
          button.disabled = false;
          progress.hidden = true;
          if (event.kind === 'done') window.setTimeout(() => window.location.reload(), 300);
        }
      });
    }
    button?.addEventListener('click', async () => {
      button.disabled = true;
      const result = await post('/api/build', {}, true);
      if (result.status === 202) {
        status.textContent = pageText('building');
        follow();
      } else {
        status.textContent = result.data.error ?? String(result.status);
        button.disabled = false;
      }
    });
    if (button?.disabled) follow();
    const frame = document.getElementById('pdf-preview');
    for (const preview of document.querySelectorAll('button.preview')) {
      preview.addEventListener('click', () => {
        frame.src = preview.dataset.src;
        frame.hidden = false;
        document.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
        preview.closest('tr')?.classList.add('selected');
        frame.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      });
    }
  }

  // 模板: blank forms on demand.
  if (page === 'templates') {
    const button = document.getElementById('blank-forms-button');
    const status = document.getElementById('blank-forms-status');
    button?.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = pageText('page.working');
      const result = await post('/api/forms/blank', {}, true);
      button.disabled = false;
      if (result.data.ok) window.location.reload();
      else status.textContent = result.data.error ?? String(result.status);
    });
  }

  // 设置: the generated form back to JSON; errors shown at their fields.
  if (page === 'settings') {
    const form = document.getElementById('config-form');
    const status = document.getElementById('config-status');
    form.addEventListener('click', (e) => {
      const target = e.target;
      if (!(target instanceof HTMLElement)) return;
      if (target.matches('.add-item')) {
        const path = target.dataset.addItem;
        const group = target.closest('[data-array]');
        const items = group.querySelector(':scope > .items');
        const template = group.querySelector(`:scope > template[data-template-for="${CSS.escape(path)}"]`);
        const index = `n${Date.now().toString(36)}${items.children.length}`;
        items.insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__I__', index));
      } else if (target.matches('.remove-item')) {
        target.closest('.array-item')?.remove();
      } else if (target.matches('.add-key')) {
        const path = target.dataset.addKey;
        const group = target.closest('[data-group]');
        const input = group.querySelector(':scope > .add-entry > .new-key');
        const key = input.value.trim();
        // Keys are path parts: never a ".", and ids match the schema's pattern.
        const pattern = input.dataset.keyPattern ? new RegExp(input.dataset.keyPattern) : /^[^.]+$/;
        if (key === '' || key.includes('.') || !pattern.test(key) || group.querySelector(`[data-entry="${CSS.escape(`${path}.${key}`)}"]`)) {
          input.classList.add('invalid');
          return;
        }
        input.classList.remove('invalid');
        const template = group.querySelector(`:scope > template[data-template-for="${CSS.escape(path)}"]`);
        group.querySelector(':scope > .entries').insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__KEY__', key));
        input.value = '';
      }
    });

    function collect() {
      const root = {};
      const localized = new Map();
      for (const input of form.querySelectorAll('[data-path]')) {
        if (input.closest('template')) continue;
        const path = input.dataset.path;
        const type = input.dataset.type;
        const text = input.value.trim();
        if (type === 'localized') {
          const entry = localized.get(path) ?? {};
          if (text !== '') entry[input.dataset.lang] = text;
          localized.set(path, entry);
          continue;
        }
        if (text === '') continue;
        let value = text;
        if (type === 'number') value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
        else if (type === 'boolean') value = text === 'true';
        else if (type === 'lines') value = text.split('\n').map((s) => s.trim()).filter((s) => s !== '');
        else if (type === 'json') {
          try {
            value = JSON.parse(text);
          } catch {
            value = text;
          }
        }
        setPath(root, path, value);
      }
      for (const [path, entry] of localized) {
        if (entry.zh && entry.en) setPath(root, path, entry.zh === entry.en ? entry.zh : { zh: entry.zh, en: entry.en });
        else if (entry.zh || entry.en) setPath(root, path, entry.zh ?? entry.en);
      }
      return shorthands(arrays(root, form));
    }

    // A setting written {value, source} without a source is saved as its plain value, as people write it.
    function shorthands(root) {
      for (const group of form.querySelectorAll('[data-shorthand]')) {
        if (group.closest('template')) continue;
        const parts = group.dataset.group.split('.');
        let parent = root;
        for (const part of parts.slice(0, -1)) parent = parent?.[part];
        const last = parts[parts.length - 1];
        const value = parent?.[last];
        if (value && typeof value === 'object' && Object.keys(value).length === 1 && 'value' in value) parent[last] = value.value;
      }
      return root;
    }

    function setPath(root, path, value) {
      const parts = path.split('.');
      let node = root;
      parts.slice(0, -1).forEach((part) => {
        node[part] ??= {};
        node = node[part];
      });
      node[parts[parts.length - 1]] = value;
    }

    // Array groups were filled as objects keyed by row id: turned into lists in page order.
    function arrays(root) {
      const groups = [...form.querySelectorAll('[data-array]')].map((g) => g.dataset.array).sort((a, b) => b.split('.').length - a.split('.').length);
      for (const path of groups) {
        const parts = path.split('.');
        let parent = root;
        for (const part of parts.slice(0, -1)) parent = parent?.[part];
        const last = parts[parts.length - 1];
        if (parent && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
          const order = [...form.querySelectorAll(`[data-item^="${CSS.escape(path)}."]`)].map((el) => el.dataset.item.slice(path.length + 1)).filter((id) => !id.includes('.'));
          parent[last] = order.filter((id) => id in parent[last]).map((id) => parent[last][id]);
        }
      }
      return root;
    }

    function clearErrors() {
      form.querySelectorAll('.field-error').forEach((el) => (el.textContent = ''));
      form.querySelectorAll('.has-error').forEach((el) => el.classList.remove('has-error'));
    }

    // An issue's path names the array index as the file will hold it; rows are found by position.
    function errorTarget(path) {
      const parts = path.split('.');
      for (let n = parts.length; n > 0; n--) {
        const candidate = resolveShown(parts.slice(0, n));
        const el = candidate && form.querySelector(`[data-error-for="${CSS.escape(candidate)}"]`);
        if (el) return el;
      }
      return form.querySelector('.form-actions');
    }

    function resolveShown(parts) {
      let shown = '';
      for (const part of parts) {
        const group = shown === '' ? null : form.querySelector(`[data-array="${CSS.escape(shown)}"]`);
        if (group && /^\d+$/.test(part)) {
          const rows = [...group.querySelectorAll(':scope > .items > .array-item')];
          const row = rows[Number(part)];
          if (!row) return null;
          shown = row.dataset.item;
        } else shown = shown === '' ? part : `${shown}.${part}`;
      }
      return shown;
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors();
      status.textContent = '';
      const result = await post('/api/config', collect(), true);
      if (result.status === 200) {
        status.textContent = pageText('saved');
        status.className = 'ok';
        const headline = document.getElementById('headline');
        if (headline && result.data.headline) headline.outerHTML = result.data.headline;
        return;
      }
      const issues = result.data.issues ?? [{ path: '', message: result.data.error ?? String(result.status) }];
      for (const issue of issues) {
        const target = errorTarget(issue.path);
        if (target.classList.contains('field-error')) {
          target.textContent = target.textContent ? `${target.textContent}; ${issue.message}` : issue.message;
          // A {value, source} setting: the value is what is wrong.
          const holder = target.parentElement?.matches('[data-shorthand]') ? target.parentElement.querySelector(':scope > .field [data-path$=".value"]')?.closest('.field') : null;
          (holder ?? target.closest('.field, fieldset'))?.classList.add('has-error');
        } else {
          const p = document.createElement('p');
          p.className = 'error';
          p.textContent = `${issue.path}: ${issue.message}`;
          target.appendChild(p);
        }
      }
      status.textContent = pageText('fixErrors', { n: issues.length });
      status.className = 'error';
      form.querySelector('.has-error')?.scrollIntoView({ block: 'center' });
    });
  }
})();
