import { describe, expect, it } from 'vitest';
import { findRepeats } from '../../src/validate/repeat-complaints.js';
import { makeComplaint } from '../helpers/records.js';

const at = (date: string, time = '09:00:00') => ({ date, time });

describe('repeat complaints', () => {
  it('flags the same customer and category within 90 calendar days, naming the earlier complaint', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-3', receivedAt: at('2025-06-01') }),
        makeComplaint({ complaintNo: 'KS-1', receivedAt: at('2025-03-03') }),
        makeComplaint({ complaintNo: 'KS-2', receivedAt: at('2025-05-30') }),
      ],
      90,
    );
    // 3 March → 30 May is 88 days; 30 May → 1 June is 2.
    expect([...repeats.values()].map((r) => [r.complaint.complaintNo, r.earlier.complaintNo, r.basis, r.days])).toEqual([
      ['KS-2', 'KS-1', 'customer', 88],
      ['KS-3', 'KS-2', 'customer', 2],
    ]);
  });

  it('does not flag after the window, nor another category of the same customer with another root cause', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-1', receivedAt: at('2025-01-01') }),
        makeComplaint({ complaintNo: 'KS-2', receivedAt: at('2025-04-02') }), // 91 days
        makeComplaint({ complaintNo: 'KS-3', receivedAt: at('2025-04-03'), category: 'delivery', rootCause: '排产延误' }),
      ],
      90,
    );
    expect([...repeats.keys()]).toEqual([]);
  });

  it('never counts "other" as the same problem, and ignores spacing and case in names', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-1', customer: 'Acme Ltd', category: 'other', rootCause: null, receivedAt: at('2025-03-03') }),
        makeComplaint({ complaintNo: 'KS-2', customer: 'acme  ltd', category: 'other', rootCause: null, receivedAt: at('2025-03-20') }),
        makeComplaint({ complaintNo: 'KS-3', customer: 'ACME Ltd', category: 'quality', rootCause: null, receivedAt: at('2025-03-21') }),
        makeComplaint({ complaintNo: 'KS-4', customer: 'AcmeLtd', category: 'quality', rootCause: null, receivedAt: at('2025-03-22') }),
      ],
      90,
    );
    expect([...repeats.values()].map((r) => [r.complaint.complaintNo, r.earlier.complaintNo, r.basis])).toEqual([['KS-4', 'KS-3', 'customer']]);
  });

  it('matches the same root cause text of the same customer across categories, not across customers', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-1', category: 'quality', rootCause: '热处理炉温失控', receivedAt: at('2025-03-03') }),
        makeComplaint({ complaintNo: 'KS-2', category: 'weight', rootCause: '热处理 炉温失控', receivedAt: at('2025-03-10') }),
        makeComplaint({ complaintNo: 'KS-3', customer: '乙公司', category: 'packaging', rootCause: '热处理炉温失控', receivedAt: at('2025-03-11') }),
      ],
      90,
    );
    expect([...repeats.values()].map((r) => [r.complaint.complaintNo, r.earlier.complaintNo, r.basis, r.matches.map((m) => m.sameCategory)])).toEqual([
      ['KS-2', 'KS-1', 'rootCause', [false]],
    ]);
  });

  it('orders complaints of the same day by time', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-9', receivedAt: at('2025-03-03', '15:00:00') }),
        makeComplaint({ complaintNo: 'KS-10', receivedAt: at('2025-03-03', '08:00:00') }),
      ],
      90,
    );
    expect([...repeats.values()].map((r) => [r.complaint.complaintNo, r.earlier.complaintNo, r.days])).toEqual([['KS-9', 'KS-10', 0]]);
  });
});
