/**
 * Seeded survey data for the report benchmark: `responses` survey returns spread evenly over
 * `periods` half-years ending 2025H2, the same customers every period (so trends and fallers are
 * computed), about a third with a competitor score and comments. Cached in the system temp folder.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seeded } from '../scripts/seeded-random.js';

const CITIES = ['宁波', '苏州', '无锡', '常州', '温州', '杭州', '嘉兴', '台州', '绍兴', '湖州', '南通', '扬州'];
const TRADES = ['海通电器', '瑞丰五金', '恒泰机电', '新宇自动化', '德信阀门', '启明液压', '华达汽配', '永盛机械'];
const COMMENTS = ['希望进一步缩短交货周期', '报价偏高，希望给予优惠', '产品质量稳定，继续保持', '售后响应及时', '包装需要加强防潮', '送货单据不全'];
const COMPETITORS = ['同行A', '同行B', '同行C'];

/** The folder holding surveys.xlsx of the given size. */
export async function reportBenchData(responses: number, periods: number): Promise<string> {
  const folder = path.join(os.tmpdir(), `qmsdoc-bench-report-${responses}x${periods}-v1`);
  const file = path.join(folder, 'surveys.xlsx');
  if (existsSync(file)) return folder;
  mkdirSync(folder, { recursive: true });
  process.stderr.write(`generating ${file} …\n`);
  const rand = seeded(42);
  const perPeriod = Math.ceil(responses / periods);
  const tmp = `${file}.tmp`;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('满意度调查');
  sheet
    .addRow(['调查期次', '客户名称', '发放日期', '回收日期', '产品质量', '服务', '价格', '交期', '综合得分', '竞争对手', '竞争对手得分', '意见和建议'])
    .commit();
  let written = 0;
  for (let p = 0; p < periods && written < responses; p++) {
    // Periods count back from 2025H2.
    const index = 2025 * 2 + 1 - (periods - 1 - p);
    const year = Math.floor(index / 2);
    const half = (index % 2) + 1;
    const sent = new Date(Date.UTC(year, half === 1 ? 5 : 11, 8));
    const drift = (rand() - 0.5) * 6;
    for (let c = 0; c < perPeriod && written < responses; c++, written++) {
      const returned = rand() < 0.92;
      const score = (base: number) => Math.max(0, Math.min(100, Math.round(base + drift + (rand() - 0.5) * 24)));
      const competitor = rand() < 0.3;
      sheet
        .addRow([
          `${year}H${half}`,
          `${CITIES[c % CITIES.length]}${TRADES[Math.floor(c / CITIES.length) % TRADES.length]}${Math.floor(c / 96) + 1}号有限公司`,
          sent,
          returned ? new Date(sent.getTime() + (3 + Math.floor(rand() * 15)) * 86400000) : null,
          returned ? score(88) : null,
          returned ? score(85) : null,
          returned ? score(78) : null,
          returned ? score(76) : null,
          null,
          returned && competitor ? COMPETITORS[c % COMPETITORS.length] : null,
          returned && competitor ? score(80) : null,
          returned && rand() < 0.35 ? COMMENTS[Math.floor(rand() * COMMENTS.length)] : null,
        ])
        .commit();
    }
  }
  sheet.commit();
  await book.commit();
  renameSync(tmp, file);
  return folder;
}
