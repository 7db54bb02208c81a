import { describe, expect, it } from 'vitest';
import { RowValues } from '../../src/ingest/build-record.js';
import { COMPLAINT_FIELDS, ORDER_FIELDS, type ComplaintFieldId, type OrderFieldId } from '../../src/model/fields.js';

describe('field ids are a literal union derived from the field table', () => {
  it('accepts every id of the table and rejects a misspelt one at compile time (checked by tsc in npm test)', () => {
    const order = new RowValues<OrderFieldId>({ item_f: 0, dispute_agreed: 1 }, [true, false]);
    expect(order.yesNo('item_f')).toBe(true);
    expect(order.yesNo('dispute_agreed')).toBe(false);
    // @ts-expect-error 'itemf' is not an orders field: a typo fails to compile instead of reading null.
    expect(order.yesNo('itemf')).toBeNull();
    const complaint = new RowValues<ComplaintFieldId>({}, []);
    // @ts-expect-error an orders field is not a complaints field.
    expect(complaint.text('product_type')).toBeNull();
    const ids: readonly OrderFieldId[] = ORDER_FIELDS.map((f) => f.id);
    expect(ids).toContain('dispute_agreed');
    expect(COMPLAINT_FIELDS.map((f): ComplaintFieldId => f.id)).toContain('verified_at');
  });
});
