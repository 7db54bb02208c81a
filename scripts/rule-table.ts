/**
 * The README's table of checks, generated from the one definition of each rule (clause, basis,
 * severity, limit) with the default configuration: `npx tsx scripts/rule-table.ts` prints it;
 * test/validate/rule-table-readme.test.ts checks that README.md holds exactly this table.
 */
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../src/config/resolve-config.js';
import { formatLimit } from '../src/issues/finding-messages.js';
import { ruleDescriptions } from '../src/reports/rule-texts.js';
import { RULE_DEFINITIONS } from '../src/validate/rule-table.js';

const BASIS = { procedure: 'procedure', company_limit: 'company limit', objective: 'objective', data: 'data' } as const;
const AREA = { orders: '5.3 contract review', complaints: '5.8 complaints', surveys: '5.6–5.7 satisfaction', actions: 'actions register' } as const;
const KEYS: Readonly<Record<string, string>> = {
  'complaints.limits.close': '`complaints.limits.closeWorkingDays`',
  'complaints.limits.firstReplyHours': '`complaints.limits.firstReplyHours`',
  'complaints.limits.assign': '`complaints.limits.assignWorkingDays`',
  'complaints.limits.cause': '`complaints.limits.causeWorkingDays`',
  'complaints.limits.notify': '`complaints.limits.notifyWorkingDays`',
  'objectives.surveyResponseRate': '`goals.responseRate`',
  'objectives.satisfactionMean': '`goals.surveyMean`',
};

/** Limits a record carries itself, not a setting of the configuration. */
const RECORD_LIMITS: Readonly<Record<string, string>> = {
  'actions.due':
    "the action's own due date, as the actions register sets it (source: its row); clause by source: 5.8.3 for a complaint's action, 5.7.3 for a CAPA's",
};

export function ruleTableMarkdown(): string {
  const resolved = resolveConfig(undefined, process.cwd(), 'en');
  if (!resolved.ok) throw new Error('the default configuration must be valid');
  const config = resolved.config;
  const descriptions = ruleDescriptions(config, 'en');

  const rows = RULE_DEFINITIONS.map((r) => {
    const limit = r.limit ? r.limit(config) : null;
    const what = descriptions[r.id];
    const setting =
      limit !== null
        ? `${formatLimit({ ...limit, source: limit.source.zh }, 'en')}, key \`${limit.key}\`, set by ${KEYS[limit.key] ?? limit.key}`
        : r.recordLimit !== null
          ? `key \`${r.recordLimit}\`: ${RECORD_LIMITS[r.recordLimit] ?? ''}`
          : '';
    return `| ${r.id} | ${AREA[r.dataset]} | ${what} | ${r.clause ?? '—'} | ${BASIS[r.basis]} | ${r.severity} | ${setting} |`;
  });
  return ['| rule | area | what is checked | clause | basis | severity | default limit or objective (source) |', '|---|---|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(`${ruleTableMarkdown()}\n`);
