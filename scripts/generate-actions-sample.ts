/**
 * Writes the sample actions register, input/措施跟踪表2025.xlsx: what the 2025 monthly complaint
 * meetings, the 2024 management review, the internal audit, CAPAs and complaints decided, kept the
 * way a QA office keeps it (title row, Chinese headers, a source written in Chinese now and then,
 * one bad row). Record sources are real complaint and CAPA numbers of the sample, read from the
 * sample ledgers with qmsdoc's own reader, so run `npm run sample` first when they change.
 * Seeded: running it again gives the same file.
 *
 *   npx tsx scripts/generate-actions-sample.ts
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load-config.js';
import { ingestFolder } from '../src/ingest/ingest-folder.js';
import type { Complaint } from '../src/model/records.js';
import { seeded } from './seeded-random.js';

const OUT = path.resolve(fileURLToPath(new URL('../input/', import.meta.url)));
const FILE = '措施跟踪表2025.xlsx';
const FIXED_TIME = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));
const AS_OF = '2025-12-31';

const rand = seeded(20251205);
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

const HEADERS = ['序号', '措施编号', '来源', '措施内容', '责任人', '责任部门', '提出日期', '完成期限', '状态', '完成日期', '验证人', '验证结果'] as const;

/** One row of the register; dates as ISO text (written as date cells). */
interface Row {
  source: string;
  action: string;
  owner: string;
  department: string;
  decided: string;
  due: string | null;
  status: '未开始' | '进行中' | '已完成' | '已取消';
  done: string | null;
  verifiedBy: string | null;
  result: string | null;
}

const MEETING_ACTIONS: readonly (readonly [string, string])[] = [
  ['修订包装作业指导书，增加防潮和缓冲要求', '生产部'],
  ['质量类投诉较多，组织来料检验培训', '品质部'],
  ['每周评审生产计划与订单交期，提前预警延期订单', '生产部'],
  ['培训投诉受理人员，统一客户投诉处理记录表填写要求', '供销部'],
  ['出货前增加称重抽检，称重设备送检校准', '品质部'],
  ['与物流承运方签订包装防护和装卸要求', '采购部'],
  ['对重复投诉的客户进行走访，确认根本原因', '供销部'],
  ['首件检验记录纳入出货放行条件', '品质部'],
];
const OWNERS: Readonly<Record<string, readonly string[]>> = {
  生产部: ['黄敏', '周杰'],
  品质部: ['刘洋', '陈静'],
  供销部: ['李娜', '孙丽'],
  采购部: ['赵磊'],
};
const VERIFIERS = ['王强', '周杰'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** The meeting on month m (1-based) of 2025 is held on the 6th of the next month. */
const meetingDay = (m: number) => (m === 12 ? '2026-01-06' : `2025-${pad(m + 1)}-06`);
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

function rows(complaints: readonly Complaint[]): Row[] {
  const out: Row[] = [];
  const meetingAction = (month: number, i: number, status: Row['status'], due: number, done: number | null, verified = true): Row => {
    const [action, department] = MEETING_ACTIONS[(month * 3 + i) % MEETING_ACTIONS.length]!;
    const decided = meetingDay(month);
    return {
      source: month % 4 === 2 && i === 0 ? `月度会议:2025年${month}月` : `meeting:2025-${pad(month)}`,
      action,
      owner: pick(OWNERS[department]!),
      department,
      decided,
      due: plusDays(decided, due),
      status,
      done: done === null ? null : plusDays(decided, done),
      verifiedBy: status === '已完成' && verified ? pick(VERIFIERS) : null,
      result: status === '已完成' ? '已落实，抽查有效' : status === '已取消' ? '并入其他措施' : null,
    };
  };
  // January to September: mostly done on time, one done late.
  for (let m = 1; m <= 9; m++) {
    const n = 1 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) out.push(meetingAction(m, i, '已完成', 14, m === 6 && i === 0 ? 25 : 7 + Math.floor(rand() * 7)));
  }
  // October's meeting (6 November): one done late in December, one still open past its date.
  out.push(
    meetingAction(10, 0, '已完成', 15, 14),
    meetingAction(10, 1, '已完成', 22, 34),
    meetingAction(10, 2, '进行中', 22, null),
    meetingAction(10, 3, '已完成', 8, 8),
  );
  // November's meeting (6 December): the December meeting reviews these.
  out.push(
    meetingAction(11, 0, '已完成', 9, 6),
    meetingAction(11, 1, '进行中', 13, null),
    meetingAction(11, 2, '未开始', 41, null),
    meetingAction(11, 3, '已取消', 20, 4),
    meetingAction(11, 4, '已完成', 14, 20),
  );
  // The 2024 management review (15 January 2025).
  const review = (action: string, department: string, status: Row['status'], due: string, done: string | null): Row => ({
    source: 'management_review:2024',
    action,
    owner: pick(OWNERS[department]!),
    department,
    decided: '2025-01-15',
    due,
    status,
    done,
    verifiedBy: status === '已完成' ? '王强' : null,
    result: status === '已完成' ? '已完成' : status === '已取消' ? '总经理决定不再实施' : null,
  });
  out.push(
    review('满意度调查改为每半年一次', '供销部', '已完成', '2025-03-31', '2025-03-20'),
    review('投诉结案时限纳入部门考核', '品质部', '已完成', '2025-04-30', '2025-06-30'),
    review('建立客户投诉月度统计看板', '品质部', '进行中', '2025-09-30', null),
    review('增加一名专职检验员', '品质部', '已取消', '2025-06-30', '2025-05-10'),
  );
  // The internal audit (June 2025).
  const audit = (action: string, department: string, status: Row['status'], due: string, done: string | null): Row => ({
    source: pick(['audit', '内审']),
    action,
    owner: pick(OWNERS[department]!),
    department,
    decided: '2025-06-20',
    due,
    status,
    done,
    verifiedBy: status === '已完成' ? '王强' : null,
    result: status === '已完成' ? '复查合格' : null,
  });
  out.push(
    audit('非标订单评审表补齐部门会签', '供销部', '已完成', '2025-07-31', '2025-07-25'),
    audit('电话订单补登电话传真收发记录表', '供销部', '已完成', '2025-07-31', '2025-08-05'),
    audit('修订合同评审程序，明确再评审条件', '供销部', '未开始', '2026-01-30', null),
  );
  // CAPAs of the sample: verified, one done without a verifier, one of an open complaint.
  const capaClosed = complaints.filter((c) => c.capaNo !== null && c.closedAt !== null && c.closedAt <= AS_OF && c.receivedAt.date >= '2025-10-01');
  const capaOpen = complaints.filter((c) => c.capaNo !== null && (c.closedAt === null || c.closedAt > AS_OF) && c.receivedAt.date <= AS_OF);
  const capa = (c: Complaint, status: Row['status'], due: number, done: number | null, verified: boolean): Row => ({
    source: c.capaNo!,
    action: c.correctiveAction ?? '按纠正预防措施报告实施',
    owner: c.responsiblePerson ?? pick(OWNERS['品质部']!),
    department: c.responsibleDept ?? '品质部',
    decided: c.causeFoundAt ?? c.receivedAt.date,
    due: plusDays(c.causeFoundAt ?? c.receivedAt.date, due),
    status,
    done: done === null ? null : plusDays(c.causeFoundAt ?? c.receivedAt.date, done),
    verifiedBy: verified ? pick(VERIFIERS) : null,
    result: status === '已完成' && verified ? '效果验证有效' : null,
  });
  if (capaClosed[0]) out.push(capa(capaClosed[0], '已完成', 15, 10, true));
  if (capaClosed[1]) out.push(capa(capaClosed[1], '已完成', 15, 12, true));
  if (capaClosed[2]) out.push(capa(capaClosed[2], '已完成', 15, 9, false));
  if (capaOpen[0]) out.push(capa(capaOpen[0], '进行中', 20, null, false));
  // Open complaints without a CAPA: actions decided on the complaint itself.
  const openNoCapa = complaints.filter((c) => c.capaNo === null && (c.closedAt === null || c.closedAt > AS_OF) && c.receivedAt.date <= AS_OF);
  if (openNoCapa[0])
    out.push({
      source: openNoCapa[0].complaintNo,
      action: '与客户确认退换货方案并安排补发',
      owner: openNoCapa[0].responsiblePerson ?? '李娜',
      department: openNoCapa[0].responsibleDept ?? '供销部',
      decided: openNoCapa[0].receivedAt.date,
      due: plusDays(openNoCapa[0].receivedAt.date, 10),
      status: '进行中',
      done: null,
      verifiedBy: null,
      result: null,
    });
  if (openNoCapa[1])
    out.push({
      source: openNoCapa[1].complaintNo,
      action: '书面答复客户原因分析结果',
      owner: openNoCapa[1].responsiblePerson ?? '李娜',
      department: openNoCapa[1].responsibleDept ?? '供销部',
      decided: openNoCapa[1].receivedAt.date,
      due: '2026-01-09',
      status: '未开始',
      done: null,
      verifiedBy: null,
      result: null,
    });
  return out;
}

const dateCell = (iso: string | null): ExcelJS.CellValue => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

async function main(): Promise<void> {
  const loaded = loadConfig(path.join(OUT, 'qmsdoc.config.json'));
  const ingest = ingestFolder(OUT, loaded.config);
  const register = rows(ingest.complaints);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'qmsdoc sample';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  const sheet = workbook.addWorksheet('措施跟踪');
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getCell(1, 1).value = '2025年措施跟踪表';
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  HEADERS.forEach((h, i) => {
    const cell = sheet.getRow(2).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  register.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      `CS-2025-${String(i + 1).padStart(3, '0')}`,
      r.source,
      r.action,
      r.owner,
      r.department,
      dateCell(r.decided),
      dateCell(r.due),
      r.status,
      dateCell(r.done),
      r.verifiedBy,
      r.result,
    ]);
  });
  // Bad rows, as people make them: a meeting month that does not exist, a due date written as a word.
  const n = register.length;
  sheet.addRow([
    n + 1,
    `CS-2025-${String(n + 1).padStart(3, '0')}`,
    'meeting:2025-13',
    '整理投诉档案',
    '刘洋',
    '品质部',
    dateCell('2025-12-06'),
    dateCell('2025-12-20'),
    '未开始',
    null,
    null,
    null,
  ]);
  sheet.addRow([
    n + 2,
    `CS-2025-${String(n + 2).padStart(3, '0')}`,
    'meeting:2025-11',
    '更新客户一览表联系人',
    '孙丽',
    '供销部',
    dateCell('2025-12-06'),
    '下周',
    '进行中',
    null,
    null,
    null,
  ]);
  sheet.columns.forEach((c, i) => (c.width = i === 3 ? 40 : 13));
  writeFileSync(path.join(OUT, FILE), Buffer.from(await workbook.xlsx.writeBuffer()));
  process.stdout.write(`${FILE} written to ${OUT} (${n + 2} rows)\n`);
}

await main();
