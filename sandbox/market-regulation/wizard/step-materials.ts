import { type Body, type Errors, MOBILE, str } from '../../kit/body.ts';
import { html, trusted } from '../../kit/html/escape.ts';
import { formItem, modal, noticeBox, radioGroup, textInput, uploadSlot } from '../../kit/html/widgets.ts';
import { DELIVERY_METHODS, YES_NO } from '../lists.ts';
import { UPLOAD_RULES } from '../uploads.ts';
import { required } from './checks.ts';
import type { Draft } from './draft.ts';
import type { WizardStep } from './step.ts';

const COMMITMENT = [
  '一、本企业（申请人）已知悉企业设立登记的条件、标准和要求，申请材料真实、合法、有效，复印件与原件一致。',
  '二、本企业所填报的住所真实存在并可以合法使用，已取得住所（经营场所）的合法使用权，在住所从事经营活动不违反法律、法规及当地政府有关规定。',
  '三、本企业股东（发起人）认缴出资额、出资方式、出资期限符合《中华人民共和国公司法》规定，股东将按期足额缴纳认缴的出资。',
  '四、本企业法定代表人、董事、监事、高级管理人员不存在《中华人民共和国公司法》第一百七十八条规定的不得担任的情形。',
  '五、本企业经营范围中属于许可项目的，在取得相关部门许可前不从事相关经营活动。',
  '六、本企业同意登记机关通过信息共享获取本企业相关信息，并将登记信息推送至公安、税务、人力资源社会保障、医疗保障、住房公积金等部门。',
  '七、本企业如有隐瞒有关情况或者提供虚假材料、采取其他欺诈手段隐瞒重要事实取得登记的，愿意承担相应法律责任，登记机关可依法撤销登记。',
  '八、本企业承诺按照规定通过国家企业信用信息公示系统报送年度报告，并对公示信息的真实性、及时性负责。',
  '九、本承诺书自提交之日起生效。本企业已认真阅读并完全理解上述承诺内容。',
];

const ARTICLES = trusted(
  '<p>第一章 总则</p><p>第一条 为规范公司的组织和行为，保护公司、股东和债权人的合法权益，根据《中华人民共和国公司法》制定本章程。</p><p>第二章 公司名称和住所 …</p><p>第三章 公司经营范围 …</p><p>第四章 公司注册资本及股东的姓名（名称）、出资方式、出资额、出资时间 …</p><p>第五章 公司的机构及其产生办法、职权、议事规则 …</p><p>第六章 公司的法定代表人 …</p><p>第七章 附则 …</p>',
);

function validate(body: Body, draft: Draft): Errors {
  const errors: Errors = {};
  const proof = str(body, 'zsyyzm');
  if (!proof) errors.zsyyzm = '请上传住所使用证明';
  else if (!draft.files[proof]) errors.zsyyzm = '住所使用证明已失效，请重新上传';
  if (str(body, 'syzc') !== '1') errors.syzc = '请确认使用标准公司章程';
  const copies = str(body, 'zzfbs');
  if (required(errors, 'zzfbs', copies, '执照副本数量') && !/^([1-9]|10)$/.test(copies)) {
    errors.zzfbs = '执照副本数量应为1至10的整数';
  }
  required(errors, 'sflqzzzz', str(body, 'sflqzzzz'), '是否领取纸质执照', '选择');
  const method = str(body, 'lqfs');
  if (required(errors, 'lqfs', method, '领取方式', '选择') && method === '2') {
    required(errors, 'sjr', str(body, 'sjr'), '收件人');
    const phone = str(body, 'sjrdh');
    if (required(errors, 'sjrdh', phone, '收件人电话') && !MOBILE.test(phone))
      errors.sjrdh = '收件人电话应为11位手机号码';
    required(errors, 'sjdz', str(body, 'sjdz'), '收件地址');
  }
  if (str(body, 'gzcns') !== '1') errors.gzcns = '请阅读并同意告知承诺书';
  return errors;
}

export const materialsStep: WizardStep = {
  no: 5,
  title: '材料与承诺',
  validate,
  uploadFields: () => ['zsyyzm'],
  render({ values, errors, draft }) {
    const v = (name: string) => str(values, name);
    const proofId = v('zsyyzm');
    const proof = proofId ? draft.files[proofId] : undefined;
    return html`<div class="k-section">申请材料</div>
<div class="k-form">
${formItem({
  label: '住所使用证明',
  required: true,
  forName: 'zsyyzm',
  error: errors.zsyyzm,
  wide: true,
  hint: '产权证明或租赁合同',
  control: uploadSlot({
    name: 'zsyyzm',
    slot: 'domicileProof',
    rule: UPLOAD_RULES.domicileProof,
    value: proof ? { id: proofId, fileName: proof.fileName, size: proof.size } : undefined,
  }),
})}
${formItem({
  label: '公司章程',
  required: true,
  forName: 'syzc',
  error: errors.syzc,
  wide: true,
  control: html`<label class="k-check"><input type="checkbox" name="syzc" id="f_syzc" value="1"${v('syzc') === '1' ? html` checked` : ''}><span>使用标准公司章程</span></label> <button type="button" class="k-link" data-modal-open="articles">查看章程范本</button>`,
})}
</div>
<div class="k-section">执照领取</div>
<div class="k-form">
${formItem({ label: '执照副本数量', required: true, forName: 'zzfbs', error: errors.zzfbs, control: textInput({ name: 'zzfbs', value: v('zzfbs') || '1' }) })}
${formItem({ label: '是否领取纸质执照', required: true, forName: 'sflqzzzz', error: errors.sflqzzzz, control: radioGroup({ name: 'sflqzzzz', options: YES_NO, value: v('sflqzzzz') || '1' }) })}
${formItem({ label: '领取方式', required: true, forName: 'lqfs', error: errors.lqfs, control: radioGroup({ name: 'lqfs', options: DELIVERY_METHODS, value: v('lqfs') || '1' }) })}
${formItem({ label: '收件人', required: true, showWhen: 'lqfs=2', forName: 'sjr', error: errors.sjr, control: textInput({ name: 'sjr', value: v('sjr') }) })}
${formItem({ label: '收件人电话', required: true, showWhen: 'lqfs=2', forName: 'sjrdh', error: errors.sjrdh, control: textInput({ name: 'sjrdh', value: v('sjrdh'), type: 'tel' }) })}
${formItem({ label: '收件地址', required: true, showWhen: 'lqfs=2', forName: 'sjdz', error: errors.sjdz, wide: true, control: textInput({ name: 'sjdz', value: v('sjdz') }) })}
</div>
<div class="k-section">告知承诺</div>
${errors.gzcns ? html`<div class="k-alert k-alert--error" role="alert">${errors.gzcns}</div>` : ''}
${noticeBox({
  title: '企业设立登记告知承诺书',
  name: 'gzcns',
  agreeLabel: '我已阅读并同意告知承诺书',
  body: html`${COMMITMENT.map((line) => html`<p>${line}</p>`)}<p style="text-align:right">申请人（签章）：　　　　　　</p>`,
})}
${modal({ id: 'articles', title: '有限责任公司章程（范本）', body: ARTICLES, footer: html`<button type="button" class="k-btn k-btn--primary" data-modal-close>关闭</button>` })}`;
  },
};
