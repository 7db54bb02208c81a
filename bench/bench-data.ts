/**
 * Seeded benchmark data: 100,000 rows per dataset (about 20 columns, Chinese text, dates) as
 * .xlsx (written with exceljs's streaming writer) and as .csv. Cached by size in the system
 * temp folder, since writing 300,000 rows takes a while.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seeded } from '../scripts/seeded-random.js';

export type Dataset = 'orders' | 'complaints' | 'surveys';

const CITIES = ['宁波', '苏州', '无锡', '常州', '温州', '杭州', '嘉兴', '台州', '绍兴', '湖州', '南通', '扬州'];
const TRADES = ['海通电器', '瑞丰五金', '恒泰机电', '新宇自动化', '德信阀门', '启明液压', '华达汽配', '永盛机械'];
const PRODUCTS = ['精密轴承座', '不锈钢法兰', '液压接头', '齿轮箱壳体', '电机端盖', '铝合金支架', '传动轴', '阀体铸件'];
const PEOPLE = ['张伟', '李娜', '王强', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'];
const TEXTS = ['内孔尺寸超差，装配困难', '表面有划伤和磕碰，影响外观', '包装箱破损，产品受潮生锈', '比合同交期晚五天到货', '实收数量比送货单少二十件'];

export const HEADERS: Record<Dataset, string[]> = {
  orders: [
    '订单号',
    '客户名称',
    '产品名称',
    '数量',
    '接单日期',
    '订单来源',
    '产品类别',
    '交货期',
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
    '电话传真记录编号',
  ],
  complaints: [
    '投诉编号',
    '受理日期',
    '客户名称',
    '投诉方式',
    '投诉类别',
    '产品名称',
    '投诉内容',
    '严重程度',
    '责任判定',
    '责任部门',
    '受理人',
    '受理部门确定日期',
    '原因查明日期',
    '纠正措施',
    '纠正预防措施单号',
    '首次答复时间',
    '解决日期',
    '通知客户日期',
    '结案日期',
    '是否上报',
    '验证人',
  ],
  surveys: [
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
    '联系电话',
    '所在地区',
    '行业',
    '客户等级',
    '业务员',
    '回访方式',
    '备注',
  ],
};

/**
 * One row of a dataset; dates as Date (xlsx) — the CSV writer prints them as text. Most records
 * are complete and in time, a few percent are not, as in a real ledger.
 */
export function makeRow(dataset: Dataset, i: number, rand: () => number): (string | number | Date | null)[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const day = (offset: number) => new Date(Date.UTC(2020, 0, 1) + Math.floor(offset) * 86400000);
  const gap = (p: number) => rand() < p;
  const customer = `${pick(CITIES)}${pick(TRADES)}有限公司`;
  const base = 200 + Math.floor(rand() * 1800);
  switch (dataset) {
    case 'orders': {
      const source = pick(['书面', '书面', '邮件', '电话', '传真']);
      const nonStandard = rand() < 0.35;
      return [
        `SO-${String(i).padStart(7, '0')}`,
        customer,
        pick(PRODUCTS),
        Math.floor(rand() * 5000) + 1,
        day(base),
        source,
        nonStandard ? '非标' : '标准',
        day(base + 30),
        day(base + (gap(0.03) ? 0 : 2)),
        nonStandard && !gap(0.02) ? day(base + 1) : null,
        ...Array.from({ length: 6 }, () => (nonStandard ? (gap(0.01) ? '×' : '√') : null)),
        pick(PEOPLE),
        nonStandard ? pick(PEOPLE) : null,
        gap(0.02) ? null : pick(PEOPLE),
        nonStandard ? null : gap(0.03) ? '待定' : pick(PEOPLE),
        source === '电话' || source === '传真' ? (gap(0.05) ? null : `DH-${i}`) : null,
      ];
    }
    case 'complaints': {
      const received = new Date(day(base).getTime() + Math.floor(rand() * 9 + 8) * 3600000);
      const ours = rand() < 0.6;
      return [
        `KS-${String(i).padStart(7, '0')}`,
        received,
        customer,
        pick(['电话', '邮件', '传真', '当面']),
        pick(['质量', '交期', '包装', '运输', '数量', '规格']),
        pick(PRODUCTS),
        pick(TEXTS),
        gap(0.08) ? '重大' : '一般',
        ours ? '本公司' : pick(['客户', '其他']),
        pick(['品质部', '生产部', '供销部']),
        pick(PEOPLE),
        day(base + (gap(0.05) ? 3 : 1)),
        day(base + (gap(0.05) ? 6 : 2)),
        '加严首检和巡检，增加全尺寸检验频次',
        ours && !gap(0.05) ? `CAPA-${i}` : null,
        new Date(received.getTime() + (gap(0.05) ? 100 : 20) * 3600000),
        day(base + 8),
        day(base + 9),
        gap(0.04) ? day(base + 40) : day(base + 12),
        '是',
        ours && !gap(0.03) ? pick(PEOPLE) : null,
      ];
    }
    case 'surveys':
      return [
        `${2000 + Math.floor(i / 5000)}H${1 + (i % 2)}`,
        `${customer}${i}`,
        day(base),
        rand() < 0.9 ? day(base + 7) : null,
        70 + Math.floor(rand() * 30),
        70 + Math.floor(rand() * 30),
        65 + Math.floor(rand() * 30),
        60 + Math.floor(rand() * 35),
        null,
        rand() < 0.3 ? '同行A' : null,
        rand() < 0.3 ? 80 : null,
        rand() < 0.4 ? '希望进一步缩短交货周期' : null,
        pick(PEOPLE),
        `0574-${Math.floor(rand() * 9000000 + 1000000)}`,
        pick(CITIES),
        '机械制造',
        pick(['A', 'B', 'C']),
        pick(PEOPLE),
        pick(['传真', '邮件']),
        null,
      ];
  }
}

function csvCell(v: string | number | Date | null): string {
  if (v === null) return '';
  if (v instanceof Date) {
    const s = v.toISOString();
    return v.getUTCHours() === 0 && v.getUTCMinutes() === 0 ? s.slice(0, 10) : `${s.slice(0, 10)} ${s.slice(11, 16)}`;
  }
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeXlsx(file: string, dataset: Dataset, rows: number, seed: number): Promise<void> {
  const rand = seeded(seed);
  const tmp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('数据');
  ws.addRow([`${dataset} 台账（基准测试数据）`]).commit();
  ws.addRow(HEADERS[dataset]).commit();
  for (let i = 1; i <= rows; i++) {
    const row = ws.addRow(makeRow(dataset, i, rand));
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(tmp, file);
}

function writeCsv(file: string, dataset: Dataset, rows: number, seed: number): void {
  const rand = seeded(seed);
  const lines = [HEADERS[dataset].join(',')];
  for (let i = 1; i <= rows; i++) lines.push(makeRow(dataset, i, rand).map(csvCell).join(','));
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
}

/** Folders xlsx/ and csv/ holding orders, complaints and surveys files of `rows` rows each. */
export async function benchData(rows: number, fresh = false): Promise<{ xlsx: string; csv: string }> {
  const root = path.join(os.tmpdir(), `qmsdoc-bench-${rows}-v2`);
  if (fresh) rmSync(root, { recursive: true, force: true });
  const xlsx = path.join(root, 'xlsx');
  const csv = path.join(root, 'csv');
  mkdirSync(xlsx, { recursive: true });
  mkdirSync(csv, { recursive: true });
  const datasets: Dataset[] = ['orders', 'complaints', 'surveys'];
  for (const [k, dataset] of datasets.entries()) {
    const x = path.join(xlsx, `${dataset}.xlsx`);
    if (!existsSync(x)) {
      process.stderr.write(`generating ${x} …\n`);
      await writeXlsx(x, dataset, rows, 1000 + k);
    }
    const c = path.join(csv, `${dataset}.csv`);
    if (!existsSync(c)) writeCsv(c, dataset, rows, 1000 + k);
  }
  return { xlsx, csv };
}
