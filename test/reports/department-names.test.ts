import { describe, expect, it } from 'vitest';
import { departmentNames } from '../../src/reports/department-names.js';
import { testConfig } from '../helpers/fixtures.js';

describe('departmentNames', () => {
  const { departments } = testConfig();

  it('gives a configured department in the report language, whether the data writes its id, Chinese or English name', () => {
    const en = departmentNames(departments, 'en');
    expect(['品质部', 'qa', 'Quality Dept.', 'quality dept.', ' 品质部 '].map(en)).toEqual(Array(5).fill(departments.qa!.en));
    expect(departmentNames(departments, 'zh')('Sales Dept.')).toBe(departments.sales!.zh);
  });

  it('leaves a department the configuration does not know as the data writes it', () => {
    expect(departmentNames(departments, 'en')('技术部')).toBe('技术部');
  });

  it('uses the company’s own names from the configuration', () => {
    const config = testConfig({ departments: { tech: { zh: '技术部', en: 'Engineering' } } });
    expect(departmentNames(config.departments, 'en')('技术部')).toBe('Engineering');
  });
});
