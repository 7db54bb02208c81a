import { describe, expect, it } from 'vitest';
import { DateCell, ErrorCell, PercentCell } from '../../src/ingest/raw-sheet.js';
import { readField } from '../../src/ingest/read-field.js';
import { normaliseHeader } from '../../src/text/fold.js';
import { parseDateTime } from '../../src/ingest/values/parse-date.js';
import { parseEnum } from '../../src/ingest/values/parse-enum.js';
import { parseNumber } from '../../src/ingest/values/parse-number.js';
import { parseYesNo } from '../../src/ingest/values/parse-yes-no.js';
import { COMPLAINT_FIELDS, ORDER_FIELDS } from '../../src/model/fields.js';

const field = (id: string) => [...ORDER_FIELDS, ...COMPLAINT_FIELDS].find((f) => f.id === id)!;

describe('dates', () => {
  it.each([
    ['2025-03-05', '2025-03-05', null],
    ['2025/3/5', '2025-03-05', null],
    ['2025.3.5', '2025-03-05', null],
    ['2025年3月5日', '2025-03-05', null],
    ['2025年3月5', '2025-03-05', null],
    ['20250305', '2025-03-05', null],
    ['２０２５年３月５日', '2025-03-05', null],
    ['２０２５／０３／０５', '2025-03-05', null],
    ['2025-03-05 14:30', '2025-03-05', '14:30:00'],
    ['2025/3/5 9:05:07', '2025-03-05', '09:05:07'],
    ['2025年3月5日 14:30', '2025-03-05', '14:30:00'],
    ['2025-03-05T08:00:00', '2025-03-05', '08:00:00'],
    ['2025-03-05 00:00:00', '2025-03-05', null],
    ['2024/2/29', '2024-02-29', null],
    ['45721', '2025-03-05', null],
  ])('reads the text %s', (text, date, time) => {
    expect(parseDateTime(text, false)).toEqual({ date, time });
  });

  it('reads Excel serials in the 1900 system, with time of day', () => {
    expect(parseDateTime(45721, false)).toEqual({ date: '2025-03-05', time: null });
    expect(parseDateTime(45721 + 14.5 / 24, false)).toEqual({ date: '2025-03-05', time: '14:30:00' });
    expect(parseDateTime(1, false)).toEqual({ date: '1900-01-01', time: null });
    expect(parseDateTime(61, false)).toEqual({ date: '1900-03-01', time: null });
  });

  it('reads serials in the 1904 system 1,462 days apart', () => {
    expect(parseDateTime(45721 - 1462, true)).toEqual({ date: '2025-03-05', time: null });
    expect(parseDateTime(0, true)).toEqual({ date: '1904-01-01', time: null });
  });

  it('takes an 8-digit number as yyyymmdd, not as a serial', () => {
    expect(parseDateTime(20250305, false)).toEqual({ date: '2025-03-05', time: null });
  });

  it('passes Excel date cells through', () => {
    expect(parseDateTime(new DateCell({ date: '2025-01-26', time: '10:00:00' }, 45683.4), false)).toEqual({ date: '2025-01-26', time: '10:00:00' });
  });

  it.each([
    ['2025-13-01', 'impossible_date'],
    ['2025/2/29', 'impossible_date'],
    ['2025/11/31', 'impossible_date'],
    ['2025-03-05 25:00', 'impossible_date'],
    ['3/5/2025', 'bad_date'],
    ['2025-3/5', 'bad_date'],
    ['下周一', 'bad_date'],
    ['2025-03', 'bad_date'],
  ])('rejects %s as %s', (text, code) => {
    expect(parseDateTime(text, false)).toMatchObject({ failed: true, code });
  });

  it('rejects serial 60, the 29 February 1900 that never was', () => {
    expect(parseDateTime(60, false)).toMatchObject({ failed: true, code: 'impossible_date' });
  });
});

describe('numbers and scores', () => {
  it.each([
    [85, 85],
    ['85', 85],
    ['８５', 85],
    ['85分', 85],
    ['８５分', 85],
    ['85%', 85],
    [' 92.5 ', 92.5],
  ])('reads the score %s as %d', (cell, value) => {
    expect(parseNumber(cell, true)).toBe(value);
  });

  it('reads a cell formatted as 85% as 85 points', () => {
    expect(parseNumber(new PercentCell(0.85), true)).toBe(85);
  });

  it('reads quantities with thousands separators; % divides outside scores', () => {
    expect(parseNumber('1,200', false)).toBe(1200);
    expect(parseNumber('12,345.5', false)).toBe(12345.5);
    expect(parseNumber('50%', false)).toBe(0.5);
  });

  it.each([['五百件'], ['12a'], ['1,2,3'], ['']])('rejects %s', (text) => {
    expect(parseNumber(text, false)).toMatchObject({ failed: true, code: 'bad_number' });
  });

  it('checks the kind constraints', () => {
    expect(readField(field('quantity'), 0, false)).toMatchObject({ failed: true, code: 'number_range', params: { rule: 'positive' } });
    expect(readField(field('quantity'), '500', false)).toBe(500);
    expect(readField(field('return_qty'), 0, false)).toBe(0);
    expect(readField(field('return_qty'), -1, false)).toMatchObject({ failed: true, code: 'number_range', params: { rule: 'nonNegative' } });
  });

  it('names an Excel error value whatever the kind', () => {
    expect(readField(field('quantity'), new ErrorCell('#N/A'), false)).toMatchObject({ failed: true, code: 'excel_error', params: { code: '#N/A' } });
    expect(readField(field('customer'), new ErrorCell('#REF!'), false)).toMatchObject({ failed: true, code: 'excel_error' });
  });
});

describe('yes / no', () => {
  it.each(['是', 'Y', 'y', 'yes', 'YES', '✓', '✔', '√', '☑', '■', '1', 'true', 'Ｙ'])('%s is yes', (s) => {
    expect(parseYesNo(s)).toBe(true);
  });
  it.each(['否', 'N', 'no', '✗', '✘', '×', '□', '0', 'false'])('%s is no', (s) => {
    expect(parseYesNo(s)).toBe(false);
  });
  it('reads booleans and 1/0 numbers, rejects anything else', () => {
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(0)).toBe(false);
    expect(parseYesNo(2)).toMatchObject({ failed: true, code: 'bad_yes_no' });
    expect(parseYesNo('可能')).toMatchObject({ failed: true, code: 'bad_yes_no' });
  });
});

describe('enumerations', () => {
  it('accepts the Chinese label, the English id and the English label, in any case', () => {
    expect(parseEnum('product_type', '非标')).toBe('non_standard');
    expect(parseEnum('product_type', '新产品')).toBe('non_standard');
    expect(parseEnum('product_type', 'Non-standard')).toBe('non_standard');
    expect(parseEnum('product_type', 'NON_STANDARD')).toBe('non_standard');
    expect(parseEnum('product_type', '老产品')).toBe('standard');
    expect(parseEnum('channel', 'E-mail')).toBe('email');
    expect(parseEnum('channel', '电子邮件')).toBe('email');
    expect(parseEnum('category', 'Packaging')).toBe('packaging');
    expect(parseEnum('responsibility', '本公司')).toBe('ours');
  });
  it('lists the allowed values when a value is unknown', () => {
    expect(parseEnum('severity', '紧急')).toEqual({
      failed: true,
      code: 'bad_enum',
      params: { allowed: '一般/normal, 重大/major', enum: 'severity', label: '紧急', key: 'vocabulary.severity["紧急"]' },
    });
  });
});

describe('headers', () => {
  it.each([
    [' 订单号 *', '订单号'],
    ['*订单号', '订单号'],
    ['客户名称（必填）', '客户名称'],
    ['Order\nNo', 'orderno'],
    ['Ｏｒｄｅｒ　Ｎｏ', 'orderno'],
    ['评审项A', '评审项a'],
  ])('%j compares as %j', (header, key) => {
    expect(normaliseHeader(header)).toBe(key);
  });
});
