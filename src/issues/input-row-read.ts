import type { InputErrorCode } from '../model/input-error.js';

/**
 * Whether an input error's row took part in the checks: read (a warning on a row kept), rejected
 * (an error that kept the row out), or skipped — a totals row (合计) is no data row at all, so it
 * was neither read nor rejected, and is not counted among the rejected rows.
 */
export function inputRowRead(e: { readonly code: InputErrorCode; readonly rejected: boolean }): 'read' | 'rejected' | 'skipped' {
  if (e.code === 'totals_row') return 'skipped';
  return e.rejected ? 'rejected' : 'read';
}
