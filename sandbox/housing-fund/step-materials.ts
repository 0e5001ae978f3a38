import { type Body, type Errors, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { formItem, uploadSlot } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import type { Draft, WizardStep } from './draft.ts';
import { DEFAULT_NOTICE_SECONDS, UPLOAD_RULES } from './lists.ts';

const COMMITMENT = [
  '一、本单位自愿在漳州市住房公积金中心办理住房公积金缴存登记，并为本单位在职职工设立住房公积金账户。',
  '二、本单位承诺按照《住房公积金管理条例》和本市有关规定，按时足额为在职职工缴存住房公积金，不少缴、不漏缴、不迟缴。',
  '三、本单位所提交的单位信息、法定代表人信息、经办人信息及申请材料真实、准确、完整，复印件与原件一致。',
  '四、本单位缴存比例在5%至12%之间确定；单位与职工缴存比例不一致的，已经职工代表大会或者工会讨论通过。',
  '五、本单位同意住房公积金中心通过政务数据共享平台核验本单位的市场主体登记、社会保险参保等信息。',
  '六、本单位信息发生变更的，将自变更之日起三十日内到住房公积金中心办理变更登记。',
  '七、本单位如有隐瞒真实情况、提供虚假材料等行为，愿意承担由此产生的一切法律责任，并同意纳入失信记录。',
  '八、本承诺书经本单位经办人在线确认后生效，与加盖单位公章的纸质承诺书具有同等效力。',
];

/** How long the 承诺书 must be on screen (the control API may shorten it for tests). */
export const noticeSeconds = (ctx: PortalContext): number =>
  ctx.store.getExtra<number>('noticeSeconds') ?? DEFAULT_NOTICE_SECONDS;

function validate(body: Body, draft: Draft, ctx: PortalContext): Errors {
  const errors: Errors = {};
  const copy = str(body, 'frsfzfyj');
  if (!copy) errors.frsfzfyj = '请上传法定代表人身份证复印件';
  else if (!draft.files[copy]) errors.frsfzfyj = '法定代表人身份证复印件已失效，请重新上传';
  const seconds = noticeSeconds(ctx);
  const shownFor = draft.noticeShownAt === undefined ? 0 : ctx.now().getTime() - draft.noticeShownAt;
  if (shownFor < seconds * 1000 - 300) {
    errors.cns = `请认真阅读《住房公积金单位缴存承诺书》（不少于${seconds}秒）后再确认`;
  } else if (str(body, 'cns') !== '1') errors.cns = '请阅读并勾选同意《住房公积金单位缴存承诺书》';
  return errors;
}

export const materialsStep: WizardStep = {
  no: 3,
  title: '材料与承诺',
  validate,
  uploadFields: ['frsfzfyj'],
  render({ ctx, values, errors, draft }) {
    const copyId = str(values, 'frsfzfyj');
    const copy = copyId ? draft.files[copyId] : undefined;
    const shownFor = draft.noticeShownAt === undefined ? 0 : ctx.now().getTime() - draft.noticeShownAt;
    const remaining = Math.max(0, Math.ceil(noticeSeconds(ctx) - shownFor / 1000));
    return html`<h3 class="hf-legend">申请材料</h3>
<div class="k-form hf-form">
${formItem({
  label: '法定代表人身份证复印件',
  required: true,
  forName: 'frsfzfyj',
  error: errors.frsfzfyj,
  wide: true,
  hint: '身份证人像面清晰照片或扫描件',
  control: uploadSlot({
    name: 'frsfzfyj',
    slot: 'legalRepIdCopy',
    rule: UPLOAD_RULES.legalRepIdCopy,
    value: copy ? { id: copyId, fileName: copy.fileName, size: copy.size } : undefined,
  }),
})}
</div>
<h3 class="hf-legend">缴存承诺</h3>
<div class="hf-notice">
<div class="hf-notice__title">住房公积金单位缴存承诺书</div>
<div class="hf-notice__body">${COMMITMENT.map((line) => html`<p>${line}</p>`)}<p class="hf-notice__sign">承诺单位：${draft.unit?.name ?? ''}</p></div>
</div>
<div class="hf-agree${errors.cns ? ' is-error' : ''}">
<label class="k-check"><input type="checkbox" name="cns" id="f_cns" value="1" disabled><span>本单位已阅读并同意《住房公积金单位缴存承诺书》</span></label>
<div class="hf-agree__error" role="alert">${errors.cns ?? ''}</div>
</div>
<div hidden data-countdown="${remaining}"></div>`;
  },
};
