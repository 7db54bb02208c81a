import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { encodeGb18030 } from '../../scripts/gb18030.js';
import { buildXlsx, tempFolder, testConfig } from '../helpers/fixtures.js';

const config = testConfig();
const ORDER_HEAD = ['订单号', '客户名称', '产品名称', '接单日期', '产品类别'];

describe('finding the header and the dataset', () => {
  it('finds the header under a merged title row and an empty row, and names rows as Excel does', async () => {
    const folder = tempFolder({
      'orders.xlsx': await buildXlsx([
        {
          name: '订单台账',
          rows: [
            ['2025年订单评审台账'],
            [],
            ['序号', ...ORDER_HEAD, '数量'],
            [1, 'SO-001', '甲公司', '轴承座', '2025/3/5', '非标', 100],
            [2, 'SO-002', '乙公司', '法兰', '2025年3月6日', '标准', '1,200'],
          ],
          merges: ['A1:G1'],
        },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.sheets[0]).toMatchObject({ dataset: 'orders', headerRow: 3, rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
    expect(result.orders.map((o) => [o.orderNo, o.customer, o.orderDate, o.productType, o.quantity, o.provenance.row])).toEqual([
      ['SO-001', '甲公司', '2025-03-05', 'non_standard', 100, 4],
      ['SO-002', '乙公司', '2025-03-06', 'standard', 1200, 5],
    ]);
    expect(result.orders[0]!.provenance).toMatchObject({ file: 'orders.xlsx', sheet: '订单台账' });
    expect(result.orders[0]!.provenance.columns.order_date).toEqual({ column: 'E', header: '接单日期' });
    expect(result.errors).toEqual([]);
  });

  it('reads a two-level header whose cells are merged downwards and across', async () => {
    const folder = tempFolder({
      'review.xlsx': await buildXlsx([
        {
          name: 'S',
          rows: [
            ['合同评审记录'],
            ['合同编号', '客户', '品名', '下单日期', '产品类型', '评审项目'],
            [null, null, null, null, null, '内容清晰', '品名包装明确', '采购能力满足', '交期可满足', '特殊要求可满足', '技术文件齐全'],
            ['HT-9', '丙公司', '齿轮箱', 45721, '新产品', '√', '√', '×', '√', '', '√'],
          ],
          merges: ['A1:K1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:K2'],
        },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.sheets[0]).toMatchObject({ dataset: 'orders', headerRow: 2, rowsAccepted: 1 });
    const [order] = result.orders;
    expect(order).toMatchObject({
      orderNo: 'HT-9',
      orderDate: '2025-03-05',
      productType: 'non_standard',
      itemA: true,
      itemB: true,
      itemC: false,
      itemD: true,
      itemE: null,
      itemF: true,
    });
    expect(order!.provenance.row).toBe(4);
    expect(order!.provenance.columns.item_c).toEqual({ column: 'H', header: '采购能力满足' });
  });

  it('recognises English headers and required marks', async () => {
    const folder = tempFolder({
      'c.xlsx': await buildXlsx([
        {
          name: 'Complaints',
          rows: [
            ['Complaint No*', 'Received', 'Customer', 'Category', 'Description', 'Severity', 'First Reply'],
            ['C-1', '2025-01-26 09:00', 'ACME', 'Packaging', 'box crushed', 'Major', '2025-01-27 10:30'],
          ],
        },
      ]),
    });
    const [complaint] = ingestFolder(folder, config).complaints;
    expect(complaint).toMatchObject({
      complaintNo: 'C-1',
      receivedAt: { date: '2025-01-26', time: '09:00:00' },
      category: 'packaging',
      severity: 'major',
      firstReplyAt: { date: '2025-01-27', time: '10:30:00' },
    });
  });

  it('skips a sheet without a recognisable header, and warns when a header fits two datasets equally', async () => {
    const folder = tempFolder({
      'mixed.xlsx': await buildXlsx([
        { name: '说明', rows: [['填写说明'], ['1. 日期写 2025-03-05']] },
        { name: '混合', rows: [['客户名称', '订单号', '投诉编号', '产品名称', '接单日期', '受理日期']] },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.sheets.map((s) => [s.sheet, s.dataset, s.skipped])).toEqual([
      ['说明', null, 'no_header'],
      ['混合', null, 'tie'],
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'ambiguous_sheet',
        file: 'mixed.xlsx',
        sheet: '混合',
        row: 1,
        level: 'warning',
        rejected: false,
        params: { candidates: 'orders, complaints' },
      }),
    ]);
  });

  it('uses header aliases from the configuration', async () => {
    const folder = tempFolder({ 'o.csv': '单号,客户名称,产品名称,接单日期,产品类别\nX1,甲,轴,2025-01-02,标准\n' });
    const custom = testConfig({ headers: { orders: { order_no: ['单号'] } } });
    expect(ingestFolder(folder, custom).orders.map((o) => o.orderNo)).toEqual(['X1']);
    expect(ingestFolder(folder, config).orders).toEqual([]);
  });
});

describe('rows', () => {
  it('rejects a row with a bad required value, keeps a row with a bad optional value, and names both', async () => {
    const folder = tempFolder({
      'o.xlsx': await buildXlsx([
        {
          name: '订单',
          rows: [
            [...ORDER_HEAD, '数量', '交货期'],
            ['SO-1', '甲', '轴', '2025-13-01', '标准', 10, '2025-04-01'],
            ['SO-2', '', '轴', '2025-01-02', '标准', 10, null],
            ['SO-3', '乙', '轴', '2025-01-03', '标准', '五百件', '下月'],
            ['SO-4', '丙', '轴', '2025-01-04', '标准', 0, null],
          ],
        },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.sheets[0]).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 2 });
    expect(result.orders.map((o) => [o.orderNo, o.quantity, o.dueDate])).toEqual([
      ['SO-3', null, null],
      ['SO-4', null, null],
    ]);
    const brief = result.errors.map((e) => [e.row, e.column, e.columnLetter, e.value, e.code, e.level, e.rejected]);
    expect(brief).toEqual([
      [2, '接单日期', 'D', '2025-13-01', 'impossible_date', 'error', true],
      [3, '客户名称', 'B', null, 'required_missing', 'error', true],
      [4, '数量', 'F', '五百件', 'bad_number', 'error', false],
      [4, '交货期', 'G', '下月', 'bad_date', 'error', false],
      [5, '数量', 'F', '0', 'number_range', 'error', false],
    ]);
  });

  it('skips empty rows silently (a row numbered in 序号 only is empty) and a totals row with a warning', async () => {
    const folder = tempFolder({
      'o.xlsx': await buildXlsx([
        {
          name: '订单',
          rows: [
            ['序号', ...ORDER_HEAD, '数量'],
            [1, 'SO-1', '甲', '轴', '2025-01-02', '标准', 10],
            [2],
            [],
            ['   '],
            [3, 'SO-2', '乙', '轴', '2025-01-03', '标准', 5],
            ['合 计', null, null, null, null, null, 15],
          ],
        },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.sheets[0]).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, totalsRows: 1 });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'totals_row', row: 7, value: '合 计', level: 'warning', rejected: false })]);
  });

  it('copies a value merged down over several rows to each of them', async () => {
    const folder = tempFolder({
      'o.xlsx': await buildXlsx([
        {
          name: '订单',
          rows: [
            ORDER_HEAD,
            ['SO-1', '甲公司', '轴', '2025-01-02', '标准'],
            ['SO-2', null, '法兰', '2025-01-03', '标准'],
            ['SO-3', '乙公司', '法兰', '2025-01-03', '标准'],
          ],
          merges: ['B2:B3'],
        },
      ]),
    });
    expect(ingestFolder(folder, config).orders.map((o) => o.customer)).toEqual(['甲公司', '甲公司', '乙公司']);
  });

  it('rejects every row of a sheet that lacks a required column, in one error', async () => {
    const folder = tempFolder({ 'o.csv': '订单号,客户名称,产品名称,产品类别\nA,甲,轴,标准\nB,乙,轴,标准\n' });
    const result = ingestFolder(folder, config);
    expect(result.sheets[0]).toMatchObject({ dataset: 'orders', rowsRead: 2, rowsAccepted: 0, rowsRejected: 2 });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'required_column_missing',
        row: 1,
        column: '接单日期',
        rejected: true,
        level: 'error',
        params: { field: 'order_date', rows: 2, firstRow: 2, lastRow: 3 },
      }),
    ]);
  });

  it('rejects a repeated id on the later row, naming the earlier one in the other file', async () => {
    const folder = tempFolder({
      'a-orders.csv': `${ORDER_HEAD.join(',')}\nSO-1,甲,轴,2025-01-02,标准\nSO-2,乙,轴,2025-01-02,标准\n`,
      'b-orders.xlsx': await buildXlsx([
        { name: '二月', rows: [ORDER_HEAD, ['SO-3', '丙', '轴', '2025-02-02', '标准'], ['SO-1', '丁', '轴', '2025-02-03', '标准']] },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.orders.map((o) => `${o.orderNo} ${o.customer}`)).toEqual(['SO-1 甲', 'SO-2 乙', 'SO-3 丙']);
    expect(result.sheets.map((s) => [s.file, s.rowsAccepted, s.rowsRejected])).toEqual([
      ['a-orders.csv', 2, 0],
      ['b-orders.xlsx', 1, 1],
    ]);
    expect(result.errors).toEqual([
      {
        code: 'duplicate_id',
        dataset: 'orders',
        file: 'b-orders.xlsx',
        sheet: '二月',
        row: 3,
        column: '订单号',
        columnLetter: 'A',
        value: 'SO-1',
        level: 'error',
        rejected: true,
        params: { field: 'order_no', earlierFile: 'a-orders.csv', earlierSheet: '', earlierRow: 2 },
      },
    ]);
  });

  it('drops all scores of a survey row with a score out of range but still counts it as sent and returned', () => {
    const folder = tempFolder({
      's.csv':
        '调查期次,客户名称,发放日期,回收日期,产品质量,服务,价格,交期\n２０２５h２,甲,2025-12-01,,105,90,80,70\n2025H2,乙,2025-12-01,,,,,\n2025H2,丙,2025-12-01,2025-12-09,88分,90%,80,\n',
    });
    const result = ingestFolder(folder, config);
    expect(result.surveys.map((s) => [s.customer, s.period, s.scores, s.returned])).toEqual([
      ['甲', '2025H2', {}, true],
      ['乙', '2025H2', {}, false],
      ['丙', '2025H2', { quality: 88, service: 90, price: 80 }, true],
    ]);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'score_range', row: 2, column: '产品质量', value: '105', rejected: false })]);
  });

  it('treats (customer, period) as the id of a survey response', () => {
    const folder = tempFolder({ 's.csv': '期次,客户,产品质量,服务,价格\n2025H1,甲,90,90,90\n2025H1,甲,80,80,80\n2025H2,甲,85,85,85\n' });
    const result = ingestFolder(folder, config);
    expect(result.surveys.map((s) => s.period)).toEqual(['2025H1', '2025H2']);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'duplicate_id', row: 3, value: '甲 / 2025H1', params: expect.objectContaining({ earlierRow: 2 }) }),
    ]);
  });
});

describe('CSV files', () => {
  const text = '投诉编号,受理日期,客户名称,投诉类别,投诉内容\nK-1,2025/1/26,宁波海通电器有限公司,质量,内孔尺寸超差\n';
  const expected = [['K-1', '2025-01-26', '宁波海通电器有限公司', 'quality', '内孔尺寸超差']];
  const brief = (folder: string) =>
    ingestFolder(folder, config).complaints.map((c) => [c.complaintNo, c.receivedAt.date, c.customer, c.category, c.description]);

  it('reads GBK / GB18030 as Chinese Excel exports it', () => {
    expect(brief(tempFolder({ 'gbk.csv': encodeGb18030(text) }))).toEqual(expected);
  });
  it('reads UTF-8 with and without BOM', () => {
    expect(brief(tempFolder({ 'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) }))).toEqual(expected);
    expect(brief(tempFolder({ 'plain.csv': text }))).toEqual(expected);
  });
  it('reads UTF-16 tab-separated "Unicode text"', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, '\t'), 'utf16le')]);
    expect(brief(tempFolder({ 'u16.csv': utf16 }))).toEqual(expected);
  });
  it('reports a CSV location with a null sheet and the row Excel would show', () => {
    const folder = tempFolder({ 'c.csv': `${text}K-2,未知,甲,质量,x\n` });
    const result = ingestFolder(folder, config);
    expect(result.errors).toEqual([
      expect.objectContaining({ file: 'c.csv', sheet: null, row: 3, column: '受理日期', columnLetter: 'B', value: '未知', code: 'bad_date', rejected: true }),
    ]);
  });
});

describe('the input folder', () => {
  it('reads files in code-point order, skips lock files and names unsupported formats', async () => {
    const folder = tempFolder({
      'b.csv': `${ORDER_HEAD.join(',')}\nB1,乙,轴,2025-01-02,标准\n`,
      'A.xlsx': await buildXlsx([{ name: 'S', rows: [ORDER_HEAD, ['A1', '甲', '轴', '2025-01-02', '标准']] }]),
      '~$A.xlsx': Buffer.from([1, 2, 3]),
      'old.xls': Buffer.from([0xd0, 0xcf]),
      'notes.txt': 'hello',
      'sub/c.csv': `${ORDER_HEAD.join(',')}\nC1,丙,轴,2025-01-02,标准\n`,
    });
    const result = ingestFolder(folder, config);
    expect(result.files.map((f) => f.path)).toEqual(['A.xlsx', 'b.csv']);
    expect(result.orders.map((o) => o.orderNo)).toEqual(['A1', 'B1']);
    expect(result.skippedFiles).toEqual([
      { path: 'old.xls', reason: 'unsupported' },
      { path: '~$A.xlsx', reason: 'lock' },
    ]);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'unsupported_file', file: 'old.xls', level: 'warning' })]);
    expect(ingestFolder(folder, config, { recursive: true }).orders.map((o) => o.orderNo)).toEqual(['A1', 'B1', 'C1']);
  });

  it('reports a workbook that cannot be read as a file problem', () => {
    const folder = tempFolder({ 'locked.xlsx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]) });
    expect(ingestFolder(folder, config).problems).toEqual([{ code: 'encrypted_workbook', file: 'locked.xlsx', detail: expect.stringContaining('password') }]);
  });
});
