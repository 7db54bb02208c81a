import { describe, expect, it } from 'vitest';
import { findRepeats } from '../../src/validate/repeat-complaints.js';
import { makeComplaint } from '../helpers/records.js';

const at = (date: string, time = '09:00:00') => ({ date, time });

describe('repeat complaints', () => {
  it('flags the same customer and category within 90 days, naming the earlier complaint', () => {
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

  it('does not flag after the window, nor another category of the same customer', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-1', receivedAt: at('2025-01-01') }),
        makeComplaint({ complaintNo: 'KS-2', receivedAt: at('2025-04-02') }), // 91 days
        makeComplaint({ complaintNo: 'KS-3', receivedAt: at('2025-04-03'), category: 'delivery' }),
      ],
      90,
    );
    expect([...repeats.keys()]).toEqual([]);
  });

  it('flags the same product and category across customers, and ignores spacing and case in names', () => {
    const repeats = findRepeats(
      [
        makeComplaint({ complaintNo: 'KS-1', customer: '甲公司', product: 'Flange DN50', receivedAt: at('2025-03-03') }),
        makeComplaint({ complaintNo: 'KS-2', customer: '乙公司', product: 'flange  dn50', receivedAt: at('2025-03-20') }),
        makeComplaint({ complaintNo: 'KS-3', customer: '丙公司', product: null, receivedAt: at('2025-03-21') }),
      ],
      90,
    );
    expect([...repeats.values()].map((r) => [r.complaint.complaintNo, r.earlier.complaintNo, r.basis])).toEqual([['KS-2', 'KS-1', 'product']]);
  });

  it('orders complaints of the same day by time', () => {
    const repeats = findRepeats(
      [makeComplaint({ complaintNo: 'KS-9', receivedAt: at('2025-03-03', '15:00:00') }), makeComplaint({ complaintNo: 'KS-10', receivedAt: at('2025-03-03', '08:00:00') })],
      90,
    );
    expect([...repeats.values()].map((r) => [r.complaint.complaintNo, r.earlier.complaintNo, r.days])).toEqual([['KS-9', 'KS-10', 0]]);
  });
});
