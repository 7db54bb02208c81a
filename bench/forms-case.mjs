// The forms benchmark's measurement, on the compiled library (dist/):
//   node bench/forms-case.mjs <count>
// Renders <count> filled one-page complaint records, one PDF each, then the combined PDF of all.
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/config/resolve-config.js';
import { loadFormCatalogue } from '../dist/forms/form-catalogue.js';
import { complaintView } from '../dist/forms/form-views.js';
import { renderFilledForms } from '../dist/forms/render-forms.js';
import { officialCalendar } from '../dist/calendar/official-calendar.js';
import { WorkingCalendar } from '../dist/calendar/working-calendar.js';
import { complaintStatus } from '../dist/validate/check-complaints.js';
import { createWorkerPool, runOnPool } from '../dist/workers/worker-pool.js';

const count = Number(process.argv[2] ?? 1000);
const config = resolveConfig({ company: { name: { zh: '示例精密机械有限公司', en: 'Example Precision Machinery Co., Ltd.' } } }, '.').config;
const calendar = new WorkingCalendar(officialCalendar());
const customers = ['宁波海通电器有限公司', '苏州瑞丰五金制品有限公司', '无锡恒泰机电设备有限公司', '常州新宇自动化科技有限公司'];
const texts = ['内孔尺寸超差，装配困难', '表面有划伤和磕碰，影响外观', '包装箱破损，产品受潮生锈', '比合同交期晚五天到货'];
const complaints = Array.from({ length: count }, (_, i) => {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    kind: 'complaint',
    complaintNo: `KS-2025-${String(i + 1).padStart(4, '0')}`,
    receivedAt: { date: `2025-03-${day}`, time: '09:30:00' },
    customer: customers[i % 4],
    channel: 'phone',
    category: 'quality',
    categoryText: null,
    product: '精密轴承座',
    batchNo: `B2503-${i}`,
    quantityAffected: 20 + (i % 50),
    description: texts[i % 4],
    severity: i % 13 === 0 ? 'major' : 'normal',
    responsibility: 'ours',
    responsibleDept: '品质部',
    responsiblePerson: '王强',
    handler: '李娜',
    assignedAt: `2025-03-${day}`,
    causeFoundAt: `2025-03-${day}`,
    rootCause: '作业未按作业指导书执行，首件未检',
    correctiveAction: '加严首检和巡检，增加全尺寸检验频次',
    capaNo: `CAPA-2025-${i + 1}`,
    firstReplyAt: { date: `2025-03-${day}`, time: '15:00:00' },
    resolvedAt: '2025-04-02',
    customerNotifiedAt: '2025-04-03',
    closedAt: '2025-04-08',
    customerFeedback: '满意',
    returned: false,
    returnQty: null,
    escalated: true,
    verifiedBy: '周杰',
    verifiedAt: '2025-04-10',
    provenance: { file: 'x.xlsx', sheet: 'S', row: i + 2, columns: {} },
  };
});
const views = { config, lang: 'zh', asOf: '2025-12-31', findingsFor: () => [] };
const template = loadFormCatalogue().find((t) => t.id === 'complaint_record');
const records = complaints.map((c) => complaintView(complaintStatus(c, config, calendar, '2025-12-31'), views));

let bytes = 0;
let perRecordDone = 0;
const start = performance.now();
let combinedStart = 0;
// One pool for the run, as a build makes it (none with QMSDOC_THREADS=1).
const pool = createWorkerPool();
const onPool = pool ? async (task) => (await runOnPool(pool, { kind: 'forms', task })).files : undefined;
await renderFilledForms(
  [{ template, records }],
  { config, lang: 'zh', asOf: '2025-12-31', logo: null },
  (path, data) => {
    bytes += data.length;
    if (!path.endsWith('complaint_record.pdf')) perRecordDone++;
  },
  (done, total) => {
    if (done === total) combinedStart = performance.now();
  },
  onPool,
);
await pool?.close();
const end = performance.now();
process.stdout.write(
  `${JSON.stringify({ forms: perRecordDone, perRecordMs: Math.round(combinedStart - start), combinedMs: Math.round(end - combinedStart), totalMs: Math.round(end - start), megabytes: Math.round(bytes / 1e5) / 10, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
