import type { IsoDate } from '../model/dates.js';
import type { RuleResults } from '../validate/run-rules.js';
import type { FormTemplate } from './form-template.js';
import {
  capaView,
  complaintView,
  customerListViews,
  liaisonViews,
  nextPeriod,
  orderView,
  phoneFaxLogViews,
  surveyInvitationViews,
  type RecordView,
  type ViewContext,
} from './form-views.js';

/** The records one form is filled from. */
export interface FormJob {
  readonly template: FormTemplate;
  readonly records: readonly RecordView[];
}

/**
 * Which records fill which form: a review form per non-standard order, a liaison sheet per change
 * or cancellation, the phone/fax log per year, a complaint record per complaint, a CAPA report
 * per complaint with a CAPA number, survey forms for the next round, and the customer list.
 */
export function filledFormJobs(templates: readonly FormTemplate[], rules: RuleResults, ctx: ViewContext): FormJob[] {
  return templates.flatMap((template): FormJob[] => {
    switch (template.source) {
      case 'complaint':
        return [{ template, records: rules.complaints.map((s) => complaintView(s, ctx)) }];
      case 'capa':
        return [{ template, records: rules.complaints.flatMap((s) => capaView(s, ctx) ?? []) }];
      case 'order':
        return [{ template, records: rules.orders.filter((o) => o.productType === 'non_standard').map((o) => orderView(o, ctx)) }];
      case 'liaison':
        return [{ template, records: rules.orders.flatMap((o) => liaisonViews(o, ctx)) }];
      case 'phone_fax_log':
        return [{ template, records: phoneFaxLogViews(rules.orders, ctx) }];
      case 'survey_invitation': {
        const current = rules.satisfaction.current;
        const period = current ? nextPeriod(current.period) : '';
        return [{ template, records: surveyInvitationViews(surveyCustomers(rules, ctx.asOf), period, ctx) }];
      }
      case 'customer_list':
        return [
          {
            template,
            records: customerListViews(
              rules.orders,
              rules.complaints.map((s) => s.complaint),
              rules.satisfaction,
              ctx,
            ),
          },
        ];
      case 'none':
        return [];
    }
  });
}

/** Customers of the current survey, and customers who ordered in the twelve months to the as-of date. */
function surveyCustomers(rules: RuleResults, asOf: IsoDate): string[] {
  const names = new Set<string>();
  for (const s of rules.satisfaction.current?.responses ?? []) names.add(s.response.customer);
  const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  for (const o of rules.orders) if (o.orderDate > yearAgo) names.add(o.customer);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
