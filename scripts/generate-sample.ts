/**
 * Writes the bundled sample in input/: one fictional company's 2025 kept the way a real factory
 * keeps it — title rows, merged cells, Chinese alias headers, some dates typed as text, one CSV
 * exported by Chinese Excel (GB18030) — with a handful of bad rows, so the first run shows what
 * input errors look like. Seeded: running it again gives the same data.
 *
 *   npm run sample
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeGb18030 } from './gb18030.js';
import { seeded } from './seeded-random.js';

const OUT = path.resolve(fileURLToPath(new URL('../input/', import.meta.url)));
const FIXED_TIME = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));

const rand = seeded(20250101);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number): boolean => rand() < p;
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}
function weighted<T>(items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

const utc = (y: number, m: number, d: number, hh = 0, mm = 0): Date => new Date(Date.UTC(y, m - 1, d, hh, mm));
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86400000);
/** Adds working days the simple way (weekends only); the tool itself uses China's official calendar. */
function addWeekdays(date: Date, days: number): Date {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d;
}
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const dateOnly = (d: Date): Date => utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const AS_OF = utc(2025, 12, 31);

const CUSTOMERS = [
  '宁波海通电器有限公司',
  '苏州瑞丰五金制品有限公司',
  '无锡恒泰机电设备有限公司',
  '常州新宇自动化科技有限公司',
  '温州德信阀门有限公司',
  '杭州启明液压件有限公司',
  '嘉兴华达汽配有限公司',
  '台州永盛机械有限公司',
  '绍兴金源纺机有限公司',
  '湖州立信电机有限公司',
  '南通鸿运船舶配件有限公司',
  '扬州佳和环保设备有限公司',
  '镇江安瑞泵业有限公司',
  '泰州宏图工程机械有限公司',
  '合肥中科智能装备有限公司',
  '芜湖长江精工有限公司',
  '上海申浦实业有限公司',
  '昆山富乐精密模具有限公司',
  '金华天成工具有限公司',
  '丽水瓯江电气有限公司',
  '衢州钱江轴承有限公司',
  '马鞍山钢联重工有限公司',
] as const;
const PRODUCTS = [
  ['精密轴承座', 'ZC-2040'],
  ['不锈钢法兰', 'FL-1625'],
  ['液压接头', 'YJ-0812'],
  ['齿轮箱壳体', 'CX-3300'],
  ['电机端盖', 'DG-1180'],
  ['铝合金支架', 'ZJ-0450'],
  ['传动轴', 'CD-2210'],
  ['阀体铸件', 'FT-0930'],
  ['联轴器', 'LZ-0606'],
  ['导向套', 'DX-0315'],
] as const;
const PEOPLE = ['张伟', '李娜', '王强', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴婷', '孙丽', '马超'] as const;

async function save(workbook: ExcelJS.Workbook, name: string): Promise<void> {
  workbook.creator = 'qmsdoc sample';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  writeFileSync(path.join(OUT, name), Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Title row merged across the table, as people make them. */
function titleRow(sheet: ExcelJS.Worksheet, title: string, width: number): void {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
}

function headerRow(sheet: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[]): void {
  const row = sheet.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  sheet.columns.forEach((c) => (c.width = 14));
}

/** Now and then a date typed as text, in one of the ways people type them. */
function maybeTextDate(d: Date | null): ExcelJS.CellValue {
  if (d === null) return null;
  if (!chance(0.12)) return dateOnly(d);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return pick([`${y}年${m}月${day}日`, `${y}/${m}/${day}`, `${y}.${m}.${day}`, `${y}${String(m).padStart(2, '0')}${String(day).padStart(2, '0')}`]);
}

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------
const ORDER_HEADERS = [
  '序号',
  '合同编号',
  '客户',
  '品名',
  '料号',
  '订单数量',
  '下单日期',
  '订单方式',
  '标准/非标',
  '交期',
  '签订日期',
  '评审日期',
  '内容清晰',
  '品名包装明确',
  '采购能力满足',
  '交期可满足',
  '特殊要求可满足',
  '技术文件齐全',
  '供销部签字',
  '行政财务部签字',
  '业务部签字',
  '供销部负责人确认',
  '评审异议',
  '总经理裁决',
  '变更日期',
  '变更联络单号',
  '再评审日期',
  '延期客户书面确认',
  '取消日期',
  '取消联络单号',
  '电话传真记录编号',
  '备注',
  // The optional columns the forms print (issue 11), filled on some rows only, as a ledger grows.
  '价格要求',
  '包装要求',
  '运输要求',
  '服务要求',
  '特殊要求',
  '执行标准',
  '法律法规要求',
  '品质部签字',
  '评审结论',
  '联系人',
  '联系电话',
  '变更前',
  '变更后',
  '变更原因',
  '取消原因',
  '回复客户',
];

/**
 * The optional form columns of order i. Derived from the row's own values, never drawn from the
 * random generator, so the rest of the sample (and every finding in it) stays as it was.
 */
function orderFormColumns(i: number, nonStandard: boolean, change: Date | null, cancel: Date | null, due: Date): ExcelJS.CellValue[] {
  const detailed = nonStandard && i % 3 !== 0;
  const contact = i % 4 === 0 ? null : PEOPLE[(i * 7) % PEOPLE.length]!;
  return [
    detailed ? `含税单价按报价单 BJ-2025-${String(i).padStart(3, '0')}` : null,
    detailed ? (i % 2 === 0 ? '木箱包装，防锈油防护' : '纸箱加托盘，每箱 20 件') : null,
    detailed ? (i % 2 === 0 ? '汽运，送货到厂' : '客户自提') : null,
    detailed ? '质保 12 个月，现场安装指导' : null,
    detailed && i % 5 === 1 ? '材料 45# 钢调质，硬度 HRC28–32' : null,
    detailed ? 'GB/T 1184-1996 未注公差 K 级' : null,
    detailed && i % 2 === 1 ? 'RoHS 有害物质限制' : null,
    detailed ? PEOPLE[(i * 5) % PEOPLE.length]! : null,
    i === 15 ? '有条件接单：交期提前需加班生产' : null,
    contact,
    contact === null ? null : `0512-6${String(100000 + i * 3137).slice(0, 6)}`,
    change ? `交期 ${dateOnly(due).toISOString().slice(0, 10)}` : null,
    change ? `交期 ${dateOnly(addDays(due, 10)).toISOString().slice(0, 10)}` : null,
    change ? '客户生产计划调整' : null,
    cancel ? '客户项目取消' : null,
    change || cancel ? '已电话告知客户并传真确认' : null,
  ];
}

function ordersWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('订单评审台账');
  titleRow(sheet, '2025年合同/订单评审台账', ORDER_HEADERS.length);
  headerRow(sheet, 2, ORDER_HEADERS);
  sheet.getRow(2).height = 32;
  const rows: ExcelJS.CellValue[][] = [];
  let totalQty = 0;
  let phoneLog = 0;
  let liaison = 0;
  for (let i = 1; i <= 60; i++) {
    const orderDate = utc(2025, 1 + Math.floor(((i - 1) * 12) / 60), int(1, 26));
    const nonStandard = chance(0.35);
    const source = weighted([
      ['书面', 50],
      ['邮件', 20],
      ['电话', 12],
      ['传真', 8],
      ['招投标', 5],
      ['网上', 5],
    ] as const);
    const [product, code] = pick(PRODUCTS);
    const qty = int(5, 500) * 10;
    totalQty += qty;
    const due = addDays(orderDate, int(20, 60));
    let review: Date | null = nonStandard ? addDays(orderDate, int(0, 3)) : null;
    let signed: Date | null = addDays(review ?? orderDate, int(0, 3));
    const items: string[] = Array.from({ length: 6 }, () => (nonStandard ? '√' : ''));
    let [sales, finance, ops] = [pick(PEOPLE), pick(PEOPLE), pick(PEOPLE)] as (string | null)[];
    let headConfirm: string | null = nonStandard ? null : chance(0.5) ? '张伟' : '√';
    if (nonStandard) {
      // The gaps an internal audit finds.
      if (i === 7 || i === 41) review = null;
      if (i === 12 || i === 33) signed = addDays(review ?? orderDate, -2);
      if (i === 18) items[2] = '×';
      if (i === 26) items[4] = '';
      if (i === 29) items[5] = '否';
      if (i === 47) finance = null;
    } else {
      finance = null;
      if (i === 9) headConfirm = null;
      if (i === 22) headConfirm = '待定';
      if (i === 38) ops = null;
    }
    const dispute = i === 15 || i === 52 ? '客户要求交期提前 10 天' : null;
    const gm = i === 15 ? '同意，安排加班生产' : null;
    let change: Date | null = null;
    let changeNo: string | null = null;
    let reReview: Date | null = null;
    let delayConsent: string | null = null;
    if ([5, 16, 24, 35, 44, 55].includes(i)) {
      change = addDays(orderDate, int(5, 15));
      if (i !== 24) changeNo = `LL-2025-${String(++liaison).padStart(3, '0')}`;
      if (i !== 35 && i !== 55) reReview = addDays(change, int(0, 2));
      if (i === 44) delayConsent = '是';
    }
    let cancel: Date | null = null;
    let cancelNo: string | null = null;
    if (i === 20 || i === 50) {
      cancel = addDays(orderDate, int(3, 10));
      if (i === 20) cancelNo = `LL-2025-${String(++liaison).padStart(3, '0')}`;
    }
    const phoneNo = (source === '电话' || source === '传真') && i % 7 !== 3 ? `DH-2025-${String(++phoneLog).padStart(3, '0')}` : null;
    rows.push([
      i,
      `HT-2025-${String(i).padStart(3, '0')}`,
      pick(CUSTOMERS),
      product,
      code,
      qty,
      maybeTextDate(orderDate),
      source,
      nonStandard ? '非标' : '标准',
      maybeTextDate(due),
      maybeTextDate(signed),
      maybeTextDate(review),
      ...items,
      sales,
      finance,
      ops,
      headConfirm,
      dispute,
      gm,
      change ? dateOnly(change) : null,
      changeNo,
      reReview ? dateOnly(reReview) : null,
      delayConsent,
      cancel ? dateOnly(cancel) : null,
      cancelNo,
      phoneNo,
      i === 30 ? '老客户追加订单' : null,
      ...orderFormColumns(i, nonStandard, change, cancel, due),
    ]);
  }
  // Bad rows, as they happen: a customer left out, an impossible date, a quantity in words, a type nobody defined.
  rows[10]![2] = null;
  rows[23]![6] = '2025-02-30';
  rows[36]![5] = '五百件';
  rows[57]![8] = '定制';
  rows.forEach((values, k) => {
    const row = sheet.getRow(3 + k);
    values.forEach((v, j) => (row.getCell(j + 1).value = v));
    for (const j of [7, 10, 11, 12, 25, 27, 29]) row.getCell(j).numFmt = 'yyyy-mm-dd';
  });
  const totals = sheet.getRow(3 + rows.length);
  totals.getCell(1).value = '合计';
  totals.getCell(6).value = { formula: `SUM(F3:F${2 + rows.length})`, result: totalQty };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];

  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '填写说明';
  notes.getCell('A2').value = '1. 非标产品须填写评审日期及评审项目 a–f（√/×）。';
  notes.getCell('A3').value = '2. 电话、传真订单须填写电话传真记录编号。';
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------
const COMPLAINT_HEADERS = [
  '客诉编号',
  '受理时间',
  '客户',
  '提出方式',
  '问题类别',
  '产品名称',
  '批号',
  '涉及数量',
  '问题描述',
  '严重程度',
  '责任判定',
  '责任部门',
  '责任人',
  '受理人',
  '受理部门确定日期',
  '原因查明日期',
  '原因分析',
  '纠正措施',
  '纠正预防措施单号',
  '答复客户时间',
  '解决日期',
  '通知客户日期',
  '结案日期',
  '客户反馈',
  '退货',
  '退货数量',
  '上报管理层',
  '验证人',
  '验证日期',
  // The optional columns the complaint record and the CAPA report print (issue 11).
  '联系人',
  '联系电话',
  '客户要求',
  '临时措施',
  '预防措施',
  '措施完成期限',
  '改进小组',
  '退货原因',
  '退货检验结果',
  '处置方式',
  '答复方式',
  '客户接受',
  '文件修订',
  '验证结果',
  '验证结论',
];

/**
 * The optional columns of complaint n, derived from the row's own values (no random draws, so
 * the rest of the sample stays as it was). Every third complaint leaves them empty, as an old ledger would.
 */
function complaintFormColumns(n: number, row: readonly ExcelJS.CellValue[]): ExcelJS.CellValue[] {
  if (n % 3 === 0) return Array.from({ length: 15 }, () => null);
  const [category, dept, channel] = [row[4] as string, row[11] as string, row[3] as string];
  const returned = row[24] === '是';
  const closed = row[22] !== null;
  const capa = row[18] !== null;
  const verified = row[27] !== null;
  const cause = row[15] as Date;
  return [
    PEOPLE[(n * 5) % PEOPLE.length]!,
    `021-5${String(100000 + n * 4231).slice(0, 6)}`,
    returned ? '退货并补发合格品' : category === '交期' ? '确认后续批次交期' : '书面说明原因并提出改进措施',
    returned || category === '质量' ? '隔离在库同批次产品，全检后放行' : '核查在途订单',
    capa ? `修订${dept}作业指导书并培训` : null,
    capa ? dateOnly(addWeekdays(cause, 10)) : null,
    capa ? `${dept}、品质部` : null,
    returned ? '尺寸不合格' : null,
    returned ? '复检确认不合格' : null,
    returned ? '返工后补发' : null,
    channel === '当面' ? '当面' : channel === '邮件' ? '邮件' : '电话并传真确认',
    closed ? '是' : null,
    capa && n % 2 === 0 ? `${dept}作业指导书 B/1` : null,
    verified ? '连续 3 批次抽检合格，未再发生' : null,
    verified ? '是' : null,
  ];
}
const CATEGORIES = [
  ['质量', 35],
  ['交期', 15],
  ['包装', 12],
  ['运输', 10],
  ['数量', 8],
  ['规格', 8],
  ['服务', 5],
  ['重量', 4],
  ['其他', 3],
] as const;
const DESCRIPTIONS: Record<string, readonly string[]> = {
  质量: ['内孔尺寸超差，装配困难', '表面有划伤和磕碰', '铸件有气孔', '螺纹不通规不过', '热处理硬度不足'],
  交期: ['比合同交期晚 5 天到货', '分批交货未按约定时间', '紧急订单延误'],
  包装: ['包装箱破损，产品受潮', '防锈油涂布不足，有锈点', '标签与实物不符'],
  运输: ['运输途中跌落，外壳变形', '托盘散架，部分产品磕伤'],
  数量: ['实收数量比送货单少 20 件', '混入其他型号产品'],
  规格: ['发错规格型号', '材质与图纸要求不符'],
  服务: ['业务员回复不及时', '售后处理态度差'],
  重量: ['单件重量超出公差 3%'],
  其他: ['发票信息有误'],
};
const DEPT_OF: Record<string, string> = {
  质量: '品质部',
  交期: '生产部',
  包装: '生产部',
  运输: '供销部',
  数量: '供销部',
  规格: '生产部',
  服务: '供销部',
  重量: '生产部',
  其他: '行政财务部',
};
const ACTIONS: Record<string, string> = {
  品质部: '加严首检和巡检，增加全尺寸检验频次',
  生产部: '调整工艺参数并对操作工再培训',
  供销部: '发货前双人核对，改进沟通流程',
  行政财务部: '开票前复核客户信息',
};

function complaintRows(): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  const perMonth = [8, 7, 11, 10, 12, 9, 10, 11, 9, 12, 11, 10];
  let n = 0;
  let capa = 0;
  perMonth.forEach((count, monthIndex) => {
    for (let k = 0; k < count; k++) {
      n++;
      const received = utc(2025, monthIndex + 1, int(1, 28), int(8, 17), pick([0, 15, 30, 45]));
      const category = weighted(CATEGORIES);
      const major = chance(0.08) || n === 33 || n === 87;
      const responsibility = weighted([
        ['本公司', 60],
        ['客户', 25],
        ['其他', 15],
      ] as const);
      const dept = DEPT_OF[category]!;
      const assigned = addWeekdays(dateOnly(received), chance(0.95) ? int(0, 1) : int(2, 3));
      const cause = addWeekdays(dateOnly(received), chance(0.93) ? int(1, 3) : int(4, 6));
      const resolved = addWeekdays(cause, int(2, 10));
      const notified = addWeekdays(resolved, chance(0.95) ? int(0, 1) : int(3, 4));
      const closeLag = chance(0.85) ? int(1, 4) : int(6, 12);
      let closed: Date | null = addWeekdays(notified, closeLag);
      if (closed > AS_OF || (monthIndex === 11 && k >= 6) || n === 96) closed = null;
      const replyHours = chance(0.92) ? int(2, 48) : int(80, 150);
      const reply = chance(0.95) ? new Date(received.getTime() + replyHours * 3600000) : null;
      const ours = responsibility === '本公司';
      const capaNo = ours && chance(0.85) ? `CAPA-2025-${String(++capa).padStart(3, '0')}` : null;
      const returned = category === '质量' || category === '规格' ? chance(0.4) : false;
      rows.push([
        `KS-2025-${String(n).padStart(3, '0')}`,
        received,
        pick(CUSTOMERS),
        weighted([
          ['电话', 40],
          ['邮件', 35],
          ['传真', 15],
          ['当面', 10],
        ] as const),
        category,
        pick(PRODUCTS)[0],
        `B25${String(monthIndex + 1).padStart(2, '0')}-${int(10, 99)}`,
        int(5, 300),
        pick(DESCRIPTIONS[category]!),
        major ? '重大' : '一般',
        responsibility,
        dept,
        pick(PEOPLE),
        pick(['李娜', '陈静', '孙丽']),
        maybeTextDate(assigned),
        dateOnly(cause),
        ours ? '作业未按作业指导书执行' : responsibility === '客户' ? '客户使用不当' : '物流承运方原因',
        ours ? ACTIONS[dept] : '向客户说明情况',
        capaNo,
        reply,
        dateOnly(resolved),
        dateOnly(notified),
        closed ? maybeTextDate(closed) : null,
        closed ? pick(['满意', '基本满意', '接受处理结果']) : null,
        returned ? '是' : '否',
        returned ? int(5, 100) : null,
        major ? (n === 87 ? '否' : '是') : null,
        closed && ours && chance(0.9) ? pick(['王强', '周杰']) : null,
        closed && ours ? dateOnly(addWeekdays(closed, int(0, 3))) : null,
      ]);
      rows[rows.length - 1]!.push(...complaintFormColumns(n, rows[rows.length - 1]!));
    }
  });
  return rows;
}

function complaintsWorkbook(title: string, sheetName: string, rows: readonly ExcelJS.CellValue[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  titleRow(sheet, title, COMPLAINT_HEADERS.length);
  sheet.getRow(2).getCell(1).value = '编制：供销部';
  headerRow(sheet, 3, COMPLAINT_HEADERS);
  rows.forEach((values, k) => {
    const row = sheet.getRow(4 + k);
    values.forEach((v, j) => (row.getCell(j + 1).value = v));
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(20).numFmt = 'yyyy-mm-dd hh:mm';
    for (const j of [15, 16, 21, 22, 23, 29, 35]) row.getCell(j).numFmt = 'yyyy-mm-dd';
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Surveys (a CSV exported by Chinese Excel: GB18030)
// ---------------------------------------------------------------------------------------------
const SURVEY_HEADERS = [
  '调查期次',
  '客户名称',
  '发放日期',
  '回收日期',
  '产品质量',
  '服务',
  '价格',
  '交期',
  '综合得分',
  '竞争对手',
  '竞争对手得分',
  '意见和建议',
  '填表人',
];
const COMMENTS = [
  '希望进一步缩短交货周期',
  '包装可以再加强',
  '质量稳定，继续保持',
  '报价偏高',
  '业务员响应及时',
  '交期经常延误，影响我方生产',
  '希望提供更详细的检验报告',
];

function surveyRows(): string[][] {
  const rows: string[][] = [];
  const periods = [
    { label: '2024H2', sent: utc(2024, 12, 5), shift: { quality: 0, service: 0, price: 0, delivery: 0 }, unreturned: [3, 17] },
    { label: '2025H1', sent: utc(2025, 6, 10), shift: { quality: 2, service: 1, price: 0, delivery: -3 }, unreturned: [9] },
    { label: '2025H2', sent: utc(2025, 12, 8), shift: { quality: 3, service: 1, price: -2, delivery: -12 }, unreturned: [5, 12, 20] },
  ];
  // Each customer has an overall level; the dimensions sit around it (price a little lower, as usual).
  const base = CUSTOMERS.map(() => {
    const level = int(78, 99);
    return { quality: level + 3, service: level + 1, price: level - 5, delivery: level };
  });
  periods.forEach((p) => {
    CUSTOMERS.forEach((customer, c) => {
      const sent = iso(addDays(p.sent, int(0, 2)));
      if (p.unreturned.includes(c)) {
        rows.push([p.label, customer, sent, '', '', '', '', '', '', '', '', '', '']);
        return;
      }
      const b = base[c]!;
      const score = (v: number): number => Math.max(40, Math.min(100, v + int(-4, 4)));
      const s = {
        quality: score(b.quality + p.shift.quality),
        service: score(b.service + p.shift.service),
        price: score(b.price + p.shift.price),
        delivery: score(b.delivery + p.shift.delivery),
      };
      const mean = (s.quality + s.service + s.price + s.delivery) / 4;
      const overall = chance(0.3) ? String(Math.round(mean)) : '';
      const competitor = chance(0.35) ? pick(['同行A', '同行B']) : '';
      rows.push([
        p.label,
        customer,
        sent,
        iso(addDays(p.sent, int(3, 15))),
        chance(0.15) ? `${s.quality}分` : String(s.quality),
        String(s.service),
        String(s.price),
        String(s.delivery),
        overall,
        competitor,
        competitor ? String(int(72, 90)) : '',
        chance(0.4) ? pick(COMMENTS) : '',
        pick(['采购经理', '质量主管', '总经理助理']),
      ]);
    });
  });
  // One overall that does not match its dimensions, and one score typed wrong.
  const odd = rows.findIndex((r) => r[0] === '2025H2' && r[4] !== '');
  const dims = [4, 5, 6, 7].map((j) => parseFloat(rows[odd]![j]!));
  rows[odd]![8] = String(Math.min(100, Math.round(dims.reduce((a, b) => a + b, 0) / 4) + 6));
  const typo = rows.findIndex((r, i) => i > 30 && r[0] === '2025H1' && r[4] !== '');
  rows[typo]![7] = '105';
  return rows;
}

function csvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await save(ordersWorkbook(), '订单评审台账2025.xlsx');
  const complaints = complaintRows();
  const h1 = complaints.filter((r) => (r[1] as Date).getUTCMonth() < 6);
  const h2 = complaints.filter((r) => (r[1] as Date).getUTCMonth() >= 6);
  // Bad rows: a category nobody defined, a reply time typed as a word, an impossible date, an id entered twice.
  h1[14]![4] = '外观';
  h2[8]![19] = '待定';
  h2[30]![1] = '2025/11/31';
  h2.push([...h1[20]!]);
  await save(complaintsWorkbook('2025年上半年客户投诉台账', '1-6月', h1), '客户投诉台账2025上半年.xlsx');
  await save(complaintsWorkbook('2025年下半年客户投诉台账', '7-12月', h2), '客户投诉台账2025下半年.xlsx');
  const csv = [SURVEY_HEADERS, ...surveyRows()].map(csvLine).join('\r\n') + '\r\n';
  writeFileSync(path.join(OUT, '客户满意度调查回收表.csv'), encodeGb18030(csv));
  process.stdout.write(`sample written to ${OUT}\n`);
}

await main();
