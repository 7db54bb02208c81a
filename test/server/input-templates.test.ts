import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { COMPLAINT_FIELDS, ORDER_FIELDS } from '../../src/model/fields.js';
import { ZipArchive } from '../../src/zip/zip-archive.js';
import { columnLetter } from '../../src/render/excel/xlsx-book.js';
import { run } from '../helpers/cli.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';
import { dropDowns, sheetRows } from '../helpers/xlsx-parts.js';

describe('qmsdoc init', () => {
  it('writes one template per dataset with the contract headers, drop-downs and date formats, never overwriting', async () => {
    const dir = tempFolder();
    const first = await run(['init', dir]);
    expect(first.code).toBe(0);
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['客户投诉台账-模板.xlsx', '客户满意度调查回收表-模板.xlsx', '措施跟踪表-模板.xlsx', '订单评审台账-模板.xlsx']);

    const orders = readFileSync(path.join(dir, '订单评审台账-模板.xlsx'));
    const [header] = sheetRows(orders, '数据', 1);
    expect(header).toEqual(ORDER_FIELDS.map((f) => f.zh));
    const lists = dropDowns(orders);
    const column = (id: string) => columnLetter(ORDER_FIELDS.findIndex((f) => f.id === id) + 1);
    expect(lists[column('product_type')]).toEqual(['标准', '非标']);
    expect(lists[column('source')]).toEqual(['书面', '电话', '传真', '邮件', '招投标', '网上']);
    expect(lists[column('item_a')]).toEqual(['是', '否']);
    // Every enumeration and yes/no column has its list, and nothing else has one.
    const expected = ORDER_FIELDS.filter((f) => f.kind === 'enum' || f.kind === 'yesno')
      .map((f) => column(f.id))
      .sort();
    expect(Object.keys(lists).sort()).toEqual(expected);

    const sheetXml = new ZipArchive(orders).read('xl/worksheets/sheet1.xml', 1 << 24)!.toString('utf8');
    expect(sheetXml).toContain('state="frozen"');
    const styles = new ZipArchive(orders).read('xl/styles.xml', 1 << 24)!.toString('utf8');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(sheetXml).toMatch(new RegExp(`<col min="${ORDER_FIELDS.findIndex((f) => f.id === 'order_date') + 1}" [^>]*style="\\d+"`));
    expect(sheetXml).toContain('promptTitle="订单号" prompt="必填。每个订单一个编号，不可重复"');

    const complaints = readFileSync(path.join(dir, '客户投诉台账-模板.xlsx'));
    const cat = columnLetter(COMPLAINT_FIELDS.findIndex((f) => f.id === 'category') + 1);
    expect(dropDowns(complaints)[cat]).toEqual(['质量', '交期', '服务', '数量', '规格', '运输', '包装', '重量', '其他']);

    const again = await run(['init', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在，未覆盖');
    expect(readFileSync(path.join(dir, '订单评审台账-模板.xlsx'))).toEqual(orders);
  });

  it('keeps the example on the instructions sheet, so a template in the input folder adds no record', async () => {
    const dir = tempFolder();
    expect((await run(['init', dir, '--lang', 'en'])).code).toBe(0);
    const orders = readFileSync(path.join(dir, 'orders-template.xlsx'));
    const help = sheetRows(orders, 'Instructions', 3);
    expect(help[0]).toEqual(['Column', 'Required', 'How to fill it in', 'Example']);
    expect(help[1]).toEqual(['Order No', 'yes', 'Required. one number per order, never repeated', 'SO-2025-001']);
    const ingest = ingestFolder(dir, testConfig());
    expect(ingest.orders.length + ingest.complaints.length + ingest.surveys.length + (ingest.actions?.length ?? 0)).toBe(0);
    expect(ingest.errors.filter((e) => e.level === 'error')).toEqual([]);
    expect(ingest.sheets.filter((s) => s.dataset !== null).map((s) => [s.file, s.dataset])).toEqual([
      ['actions-template.xlsx', 'actions'],
      ['complaints-template.xlsx', 'complaints'],
      ['orders-template.xlsx', 'orders'],
      ['surveys-template.xlsx', 'surveys'],
    ]);
  });
});
