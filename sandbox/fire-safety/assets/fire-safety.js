/* 消防安全检查网上办理: the brigade's form as a Vue 3 app on TDesign (tdesign-vue-next), no build step. */
(() => {
  const { createApp, reactive, ref, onMounted } = Vue;
  const { MessagePlugin } = TDesign;

  const lists = JSON.parse(document.getElementById('fs-lists').textContent);
  const PLACE_TYPES = lists.场所类型;
  const ID_TYPES = lists.证件类型;

  const template = `
<t-alert theme="info" class="fs-notice" title="告知承诺制">
  申请人作出承诺并提交材料后，消防救援机构当场出具受理回执，于投入使用、营业后核查。本系统不提供办件查询，请保存回执。
</t-alert>
<t-form ref="formRef" :data="form" label-width="170px" class="fs-form" @submit.prevent>
  <div class="fs-page-error" role="alert">{{ errors.form }}</div>
  <h3 class="fs-section">单位及场所信息</h3>
  <t-form-item label="单位名称" name="dwmc"><t-input v-model="form.dwmc" placeholder="与营业执照一致"></t-input><div class="fs-error" role="alert">{{ errors.dwmc }}</div></t-form-item>
  <t-form-item label="统一社会信用代码" name="tyshxydm"><t-input v-model="form.tyshxydm" :maxlength="18" placeholder="18位统一社会信用代码"></t-input><div class="fs-error" role="alert">{{ errors.tyshxydm }}</div></t-form-item>
  <t-form-item label="场所名称" name="csmc"><t-input v-model="form.csmc" placeholder="门头招牌名称"></t-input><div class="fs-error" role="alert">{{ errors.csmc }}</div></t-form-item>
  <t-form-item label="场所类型" name="cslx"><t-select v-model="form.cslx" :options="placeTypes" placeholder="请选择场所类型" filterable></t-select><div class="fs-error" role="alert">{{ errors.cslx }}</div></t-form-item>
  <t-form-item label="场所所在区域" name="csdz_qu"><t-cascader v-model="form.csdz" :options="regions" :load="loadRegion" value-type="full" placeholder="请选择省/市/区县" :loading="regionsLoading"></t-cascader><div class="fs-error" role="alert">{{ errors.csdz_qu }}</div></t-form-item>
  <t-form-item label="场所详细地址" name="csdz_xxdz"><t-input v-model="form.csdz_xxdz" placeholder="街道、门牌号，须到室号"></t-input><div class="fs-error" role="alert">{{ errors.csdz_xxdz }}</div></t-form-item>
  <t-form-item label="建筑面积（㎡）" name="jzmj"><t-input v-model="form.jzmj" placeholder="单位：平方米"></t-input><div class="fs-error" role="alert">{{ errors.jzmj }}</div></t-form-item>
  <t-form-item label="使用楼层" name="sylc"><t-input v-model="form.sylc" placeholder="如：第1层"></t-input><div class="fs-error" role="alert">{{ errors.sylc }}</div></t-form-item>
  <t-form-item label="申报日期" name="sbrq"><t-date-picker v-model="form.sbrq" format="YYYY-MM-DD" value-type="YYYY-MM-DD" placeholder="请选择申报日期"></t-date-picker><div class="fs-error" role="alert">{{ errors.sbrq }}</div></t-form-item>
  <t-form-item label="拟投入使用年月" name="tysy"><t-date-picker v-model="form.tysy" mode="month" format="YYYY-MM" value-type="YYYY-MM" placeholder="请选择投入使用、营业的月份"></t-date-picker><div class="fs-error" role="alert">{{ errors.tysy }}</div></t-form-item>
  <h3 class="fs-section">消防安全责任人</h3>
  <t-form-item label="消防安全责任人" name="zrr_xm"><t-input v-model="form.zrr_xm"></t-input><div class="fs-error" role="alert">{{ errors.zrr_xm }}</div></t-form-item>
  <t-form-item label="证件类型" name="zrr_zjlx"><t-radio-group v-model="form.zrr_zjlx"><t-radio v-for="t in idTypes" :key="t" :value="t">{{ t }}</t-radio></t-radio-group><div class="fs-error" role="alert">{{ errors.zrr_zjlx }}</div></t-form-item>
  <t-form-item label="证件号码" name="zrr_zjhm"><t-input v-model="form.zrr_zjhm" :maxlength="18"></t-input><div class="fs-error" role="alert">{{ errors.zrr_zjhm }}</div></t-form-item>
  <t-form-item label="责任人联系电话" name="zrr_dh"><t-input v-model="form.zrr_dh" :maxlength="11"></t-input><div class="fs-error" role="alert">{{ errors.zrr_dh }}</div></t-form-item>
  <h3 class="fs-section">消防安全管理人</h3>
  <t-form-item label="消防安全管理人" name="glr_xm"><t-input v-model="form.glr_xm"></t-input><div class="fs-error" role="alert">{{ errors.glr_xm }}</div></t-form-item>
  <t-form-item label="管理人联系电话" name="glr_dh"><t-input v-model="form.glr_dh" :maxlength="11"></t-input><div class="fs-error" role="alert">{{ errors.glr_dh }}</div></t-form-item>
  <h3 class="fs-section">申报材料及承诺</h3>
  <t-form-item label="消防设施平面图" name="pmt">
    <t-upload v-model="files" action="/api/upload" name="file" theme="file" :data="{ slot: 'pmt' }"
      :headers="{ 'X-Requested-With': 'XMLHttpRequest' }" accept=".jpg,.jpeg,.png,.pdf"
      :format-response="formatUpload" @success="uploaded" @fail="uploadFailed" @remove="form.pmt = ''"></t-upload>
    <div class="fs-error" role="alert">{{ errors.pmt }}</div>
  </t-form-item>
  <t-form-item label="备注" name="bz"><t-textarea v-model="form.bz" :maxlength="200" placeholder="选填"></t-textarea></t-form-item>
  <t-form-item label="告知承诺书" name="cn"><t-checkbox :checked="form.cn" @change="openCommitment">我已阅读并签署《消防安全检查告知承诺书》</t-checkbox><div class="fs-error" role="alert">{{ errors.cn }}</div></t-form-item>
  <t-form-item><t-button theme="primary" :loading="busy" @click="submit">提交申报</t-button></t-form-item>
</t-form>
<t-dialog v-model:visible="dialog" header="公众聚集场所投入使用、营业前消防安全检查告知承诺书" width="620px"
  confirm-btn="我已阅读并承诺" cancel-btn="取消" @confirm="signCommitment">
  <div class="fs-commitment">
    <p>本单位郑重承诺：</p>
    <ol><li>场所符合消防技术标准和管理规定，已依法取得建设工程消防验收或备案手续。</li>
    <li>消防设施、器材和消防安全标志配置齐全，并定期检验、维修，确保完好有效。</li>
    <li>疏散通道、安全出口、消防车通道保持畅通，不锁闭、不占用。</li>
    <li>已建立消防安全责任制，制定消防安全制度和灭火及应急疏散预案，员工经消防安全培训。</li>
    <li>所提交材料真实有效；如有虚假承诺，愿意承担相应法律责任，接受撤销许可等处理。</li></ol>
  </div>
</t-dialog>`;

  const app = createApp({
    template,
    setup() {
      const form = reactive({
        dwmc: '',
        tyshxydm: '',
        csmc: '',
        cslx: '',
        csdz: [],
        csdz_xxdz: '',
        jzmj: '',
        sylc: '',
        sbrq: '',
        tysy: '',
        zrr_xm: '',
        zrr_zjlx: '',
        zrr_zjhm: '',
        zrr_dh: '',
        glr_xm: '',
        glr_dh: '',
        pmt: '',
        bz: '',
        cn: false,
      });
      const errors = reactive({});
      const files = ref([]);
      const regions = ref([]);
      const regionsLoading = ref(true);
      const dialog = ref(false);
      const busy = ref(false);

      const fetchRegions = async (parent) => {
        const response = await fetch(`/api/regions${parent ? `?parent=${parent}` : ''}`);
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      };
      // The provinces arrive late; each lower level is fetched when its parent is opened.
      onMounted(async () => {
        try {
          regions.value = (await fetchRegions('')).map((r) => ({
            label: r.name,
            value: r.code,
            children: true,
          }));
        } catch {
          MessagePlugin.error('行政区划加载失败，请刷新页面');
        } finally {
          regionsLoading.value = false;
        }
      });
      const loadRegion = async (node) => {
        const level = node.getPath().length;
        const list = await fetchRegions(node.value);
        return list.map((r) => ({ label: r.name, value: r.code, children: level < 2 ? true : undefined }));
      };

      const formatUpload = (res) =>
        res?.ok ? { name: res.fileName, id: res.id } : { error: res?.message || '上传失败，请重试' };
      const uploaded = ({ response }) => {
        form.pmt = response.id;
        errors.pmt = '';
      };
      const uploadFailed = ({ response }) => {
        form.pmt = '';
        errors.pmt = response?.error || response?.message || '系统繁忙，请稍后再试';
      };

      const openCommitment = (checked) => {
        if (checked) dialog.value = true;
        else form.cn = false;
      };
      const signCommitment = () => {
        form.cn = true;
        dialog.value = false;
      };

      const submit = async () => {
        for (const key of Object.keys(errors)) errors[key] = '';
        busy.value = true;
        try {
          const body = {
            ...form,
            csdz: undefined,
            csdz_sheng: form.csdz[0] || '',
            csdz_shi: form.csdz[1] || '',
            csdz_qu: form.csdz[2] || '',
            cn: form.cn ? '1' : '',
          };
          const response = await fetch('/api/apply', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
            body: JSON.stringify(body),
          });
          const answer = await response.json().catch(() => ({ ok: false, message: '系统繁忙，请稍后再试' }));
          if (response.status === 401) return void location.assign(answer.login || '/login');
          if (answer.ok) return void location.assign(answer.receiptUrl);
          Object.assign(errors, answer.errors || {});
          errors.form = answer.message || '';
        } catch {
          errors.form = '网络异常，提交结果未知：请勿重复提交，请稍后再试并在“我的申请”中核对';
        } finally {
          busy.value = false;
        }
      };

      return {
        form,
        errors,
        files,
        regions,
        regionsLoading,
        dialog,
        busy,
        placeTypes: PLACE_TYPES.map((t) => ({ label: t, value: t })),
        idTypes: ID_TYPES,
        loadRegion,
        formatUpload,
        uploaded,
        uploadFailed,
        openCommitment,
        signCommitment,
        submit,
      };
    },
  });
  app.use(TDesign.default);
  app.mount('#app');
})();
