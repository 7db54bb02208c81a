import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueFileNames } from '../../src/document/file-names.js';
import { nextPeriod } from '../../src/forms/form-views.js';
import { TemplateFileError } from '../../src/document/template-file-error.js';
import { loadFormTemplates, parseFormTemplate } from '../../src/forms/load-form-templates.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import path from 'node:path';

const minimal = (sections: unknown) => JSON.stringify({ id: 'my_form', title: '我的表单', sections });

describe('form files', () => {
  it('accepts a new form written as data', () => {
    const template = parseFormTemplate(
      '/forms/my_form.json',
      minimal([{ type: 'grid', widths: [60, '*'], rows: [{ cells: [{ label: '名称' }, { value: '{{name}}' }] }] }]),
    );
    expect(template).toMatchObject({ id: 'my_form', source: 'none', orientation: 'portrait' });
    expect(template.sections[0]).toMatchObject({
      type: 'grid',
      rows: [
        {
          cells: [
            { label: '名称', span: 1 },
            { value: '{{name}}', required: false },
          ],
        },
      ],
    });
  });

  it('names the file and the path of every problem', () => {
    const bad = minimal([
      { type: 'grid', widths: [60, '*'], rows: [{ cells: [{ lable: '名称' }] }] },
      { type: 'table', items: 'x', columns: [] },
    ]);
    expect(() => parseFormTemplate('/forms/my_form.json', bad)).toThrow(TemplateFileError);
    try {
      parseFormTemplate('/forms/my_form.json', bad);
    } catch (error) {
      const e = error as TemplateFileError;
      expect(e.file).toBe('/forms/my_form.json');
      expect(e.problems.map((p) => p.path)).toEqual(['sections.0.rows.0.cells.0', 'sections.1.columns']);
    }
  });

  it('reports a template expression that does not compile, a bad JSON file and an id that is not the file name', () => {
    expect(() => parseFormTemplate('/forms/my_form.json', minimal([{ type: 'paragraph', text: '客户 {{#if customer}}{{customer}}' }]))).toThrow(
      /sections\.0\.text: template error/,
    );
    expect(() => parseFormTemplate('/forms/my_form.json', '{"id": "my_form",')).toThrow(/\(file\): not valid JSON/);
    expect(() => parseFormTemplate('/forms/other.json', minimal([{ type: 'paragraph', text: 'x' }]))).toThrow(/id: must be "other"/);
  });
});

describe('a form text in two languages', () => {
  const problemsOf = (json: string) => {
    try {
      parseFormTemplate('/forms/my_form.json', json);
    } catch (error) {
      return (error as TemplateFileError).problems;
    }
    return [];
  };

  it('must give both Chinese and English, neither empty', () => {
    const json = minimal([
      { type: 'grid', widths: [60, '*'], rows: [{ cells: [{ label: { zh: '名称' } }, { label: { zh: '数量', en: ' ' } }] }] },
      { type: 'paragraph', text: { en: 'Note' } },
    ]);
    expect(problemsOf(json)).toEqual([
      { path: 'sections.0.rows.0.cells.0.label', message: 'a text needs both "zh" and "en"; "en" missing or empty' },
      { path: 'sections.0.rows.0.cells.1.label', message: 'a text needs both "zh" and "en"; "en" missing or empty' },
      { path: 'sections.1.text', message: 'a text needs both "zh" and "en"; "zh" missing or empty' },
    ]);
  });

  it('must read the same values in both languages', () => {
    const json = minimal([{ type: 'paragraph', text: { zh: '客户：{{customer}}', en: 'Customer: {{client}}' } }]);
    expect(problemsOf(json)).toEqual([{ path: 'sections.0.text', message: 'placeholders {customer} in zh, {client} in en' }]);
  });

  it('accepts every form the project ships', () => {
    expect(loadFormTemplates(path.join(TEMPLATES_DIR, 'forms')).length).toBeGreaterThanOrEqual(8);
  });
});

describe('file names from record ids', () => {
  it.each([
    ['KS-2025-001', 'KS-2025-001'],
    ['宁波海通电器有限公司', '宁波海通电器有限公司'],
    ['A/B\\C:D*E?F"G<H>I|J', 'A_B_C_D_E_F_G_H_I_J'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['CON', '_CON'],
    ['  trailing dots... ', 'trailing dots'],
    ['\u0000\u001f', '_'],
  ])('%j → %j', (id, name) => {
    expect(safeFileName(id)).toBe(name);
  });

  it('keeps names unique when two ids become one name', () => {
    expect(uniqueFileNames(['A/1', 'A_1', 'a_1', 'B'])).toEqual(['A_1', 'A_1-2', 'a_1-3', 'B']);
  });

  it.each([
    ['aux.txt', '_aux.txt'],
    ['com1.pdf', '_com1.pdf'],
    ['NUL', '_NUL'],
    ['lpt9.x.y', '_lpt9.x.y'],
    ['com¹', '_com¹'],
    ['auxiliary', 'auxiliary'],
    ['con-1', 'con-1'],
  ])('refuses the Windows device name in %j whatever the extension', (id, name) => {
    expect(safeFileName(id)).toBe(name);
  });

  it('cuts long names by UTF-8 bytes, with a stable hash, keeping names apart that differ only after the cut', () => {
    const a = '宁波海通电器有限公司'.repeat(8); // 80 CJK characters, 240 bytes
    const b = `${a.slice(0, 79)}甲`;
    const [nameA, nameB] = uniqueFileNames([a, b]);
    for (const name of [nameA!, nameB!]) {
      expect(Buffer.byteLength(`${name}.pdf.0123456789ab.tmp`, 'utf8')).toBeLessThanOrEqual(143);
      expect(name.startsWith('宁波海通电器有限公司宁波')).toBe(true);
      expect(name).toMatch(/~[0-9a-f]{8}$/);
    }
    expect(nameA).not.toBe(nameB);
    expect(safeFileName(a)).toBe(nameA);
    expect(Buffer.byteLength(safeFileName('x'.repeat(300)), 'utf8')).toBe(120);
  });

  it('keeps names unique and within the cap when long names collide', () => {
    const id = '客'.repeat(80);
    const names = uniqueFileNames([id, id, id]);
    expect(new Set(names).size).toBe(3);
    for (const n of names) expect(Buffer.byteLength(n, 'utf8')).toBeLessThanOrEqual(120);
    expect(names[1]).toMatch(/~[0-9a-f]{8}-2$/);
  });
});

describe('the next survey round', () => {
  it.each([
    ['2025H1', '2025H2'],
    ['2025H2', '2026H1'],
    ['2025Q3', '2025Q4'],
    ['2025Q4', '2026Q1'],
    ['2025', '2026'],
    ['上半年', ''],
  ])('%s → %j', (period, next) => {
    expect(nextPeriod(period)).toBe(next);
  });
});
