import { describe, expect, it } from 'vitest';
import { fieldOrigin } from '../../forms/index.ts';
import { failureLines } from '../../server/pages/progress.ts';

describe('a refused field in the words of the clerk', () => {
  it('names the merged-form field too when the department calls it something else', () => {
    const origin = fieldOrigin('social-insurance', 'unitName');
    const failure = {
      code: 'VALUE_REJECTED',
      message: '部门系统退回了填报内容',
      fields: [{ fieldId: 'unitName', message: '单位名称与工商登记信息不一致', ...origin }],
    };
    expect(failureLines('social-insurance', failure)).toContain(
      '单位社会保险登记「单位名称（合并表单：企业名称）」：单位名称与工商登记信息不一致',
    );
  });
});
