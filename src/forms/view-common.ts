import type { Config } from '../config/config.js';
import type { DateTime } from '../model/dates.js';
import type { Lang } from '../model/lang.js';
import type { FormView } from './layout-form.js';

/** What every view builder needs besides its record. */
export interface ViewContext {
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
}

/** A filled form's view with the id that names its file. */
export interface RecordView {
  readonly id: string;
  readonly view: FormView;
}

/** A date-time as the forms print it: the date, and hh:mm when the time is known. */
export const stamp = (v: DateTime | null): string => (v === null ? '' : v.time === null ? v.date : `${v.date} ${v.time.slice(0, 5)}`);
/** A value or nothing: an empty field stays a line to write on. */
export const orBlank = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Fields every view has: the company, the as-of date, and whether the form is filled. */
export function common(ctx: ViewContext, filled: boolean) {
  return { filled, company: ctx.config.company.name?.[ctx.lang] ?? '', asOf: ctx.asOf };
}

/** The name of a configured department in the view's language; the id when it is not configured. */
export function departmentName(ctx: ViewContext, id: string): string {
  return ctx.config.departments[id]?.[ctx.lang] ?? id;
}
