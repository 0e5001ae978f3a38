/* 户外招牌设置审批系统: the application form as a Vue 3 app on Ant Design Vue 4 (its own components only). */
(() => {
  const { createApp, reactive, ref } = Vue;
  const settings = JSON.parse(document.getElementById('os-settings').textContent);
  dayjs.locale('zh-cn');

  const template = `
<a-config-provider :locale="locale">
<a-card title="办理须知" size="small" class="os-guide">
  <p>户外招牌实行告知承诺制：申请人如实填写并签署承诺书后，即时出具受理编号；城市管理部门将在设置后 30 日内现场核查。</p>
</a-card>
<a-form class="os-form" :label-col="{ style: { width: '160px' } }" :wrapper-col="{ style: { maxWidth: '560px' } }">
  <a-card title="申请单位" size="small">
    <a-form-item label="单位名称" required v-bind="status('dwmc')"><a-input v-model:value="form.dwmc" placeholder="与营业执照一致" /></a-form-item>
    <a-form-item label="统一社会信用代码" required v-bind="status('tyshxydm')"><a-input v-model:value="form.tyshxydm" :maxlength="18" placeholder="18位统一社会信用代码" /></a-form-item>
    <a-form-item label="联系人" required v-bind="status('lxr')"><a-input v-model:value="form.lxr" /></a-form-item>
    <a-form-item label="联系人手机" required v-bind="status('lxdh')"><a-input v-model:value="form.lxdh" :maxlength="11" /></a-form-item>
  </a-card>
  <a-card title="招牌信息" size="small">
    <a-form-item label="设置地点" required v-bind="status('szdd')">
      <a-cascader v-model:value="form.szdd" :options="regions" :load-data="loadRegions" placeholder="请选择省 / 市 / 区县" />
    </a-form-item>
    <a-form-item label="详细地址" required v-bind="status('xxdz')"><a-input v-model:value="form.xxdz" placeholder="街道、门牌号，须到室号" /></a-form-item>
    <a-form-item label="招牌文字" required v-bind="status('zpwz')"><a-input v-model:value="form.zpwz" :maxlength="50" show-count /></a-form-item>
    <a-form-item label="长（m）" required v-bind="status('zpc')"><a-input-number v-model:value="form.zpc" string-mode :min="0.1" :step="0.1" style="width: 200px" /></a-form-item>
    <a-form-item label="宽（m）" required v-bind="status('zpk')"><a-input-number v-model:value="form.zpk" string-mode :min="0.1" :step="0.1" style="width: 200px" /></a-form-item>
    <a-form-item label="材质" required v-bind="status('cz')">
      <a-select v-model:value="form.cz" show-search placeholder="请选择或输入材质" :options="materials" style="width: 280px" />
    </a-form-item>
    <a-form-item label="是否发光" required v-bind="status('sffg')">
      <a-radio-group v-model:value="form.sffg" :options="illuminated" />
    </a-form-item>
    <a-form-item label="效果图" required v-bind="status('xgt')">
      <a-upload :file-list="files" action="/api/upload" name="file" :data="{ slot: 'xgt' }" :max-count="1" accept=".jpg,.jpeg,.png,.pdf" @change="uploaded">
        <a-button>上传效果图</a-button>
      </a-upload>
    </a-form-item>
  </a-card>
  <a-card title="办理信息" size="small">
    <a-form-item label="拟设置时间" required v-bind="status('nszsj')">
      <a-date-picker v-model:value="form.nszsj" picker="month" value-format="YYYY-MM" placeholder="请选择月份" />
    </a-form-item>
    <a-form-item label="申请日期" required v-bind="status('sqrq')">
      <a-date-picker v-model:value="form.sqrq" value-format="YYYY-MM-DD" placeholder="请选择日期" />
    </a-form-item>
    <a-form-item label="承诺事项" required v-bind="status('cnsx')">
      <a-checkbox-group v-model:value="form.cnsx" :options="pledges" />
    </a-form-item>
    <a-form-item label="承诺书" required v-bind="status('cn')">
      <a-checkbox :checked="form.cn" @change="askCommitment">我已阅读并同意《户外招牌设置承诺书》</a-checkbox>
    </a-form-item>
  </a-card>
  <div class="os-page-error" v-if="pageError"><span role="alert">{{ pageError }}</span></div>
  <div class="os-actions"><a-button type="primary" :loading="sending" @click="submit">提交申请</a-button><a-button href="/">返回首页</a-button></div>
</a-form>
<a-modal v-model:open="commitmentOpen" title="户外招牌设置承诺书" ok-text="我已阅读并承诺" cancel-text="取消" :ok-button-props="{ disabled: !read }" @ok="sign" :width="560">
  <div class="os-commitment" ref="commitmentText" @scroll="scrolled">
    <p>本单位郑重承诺：</p>
    <ol>
      <li>所填报的单位信息、设置地点、招牌规格及效果图真实、准确，与实际设置情况一致。</li>
      <li>招牌设置符合《城市市容和环境卫生管理条例》及本市户外招牌设置技术规范，不遮挡建筑物门窗、消防通道和公共设施。</li>
      <li>招牌安装牢固，采用合格材料，发光招牌的电气线路符合安全要求，并由具备资质的单位施工。</li>
      <li>招牌文字规范使用国家通用语言文字，不使用不规范汉字和外文缩写。</li>
      <li>设置后按规定做好日常维护和安全检查，遇恶劣天气及时加固或拆除，因招牌造成他人损害的依法承担责任。</li>
      <li>接受城市管理部门的现场核查；如有虚假承诺，愿意承担撤销许可、限期拆除等处理，并记入信用档案。</li>
    </ol>
    <p class="os-commitment__end">（请阅读至末尾后签署）</p>
  </div>
</a-modal>
</a-config-provider>`;

  const App = {
    template,
    setup() {
      const form = reactive({
        dwmc: '',
        tyshxydm: '',
        lxr: '',
        lxdh: '',
        szdd: [],
        xxdz: '',
        zpwz: '',
        zpc: '',
        zpk: '',
        cz: undefined,
        sffg: undefined,
        nszsj: undefined,
        sqrq: undefined,
        cnsx: [],
        cn: false,
        xgt: '',
      });
      const errors = reactive({});
      const pageError = ref('');
      const sending = ref(false);
      const files = ref([]);
      const regions = ref([]);
      const commitmentOpen = ref(false);
      const read = ref(false);
      const commitmentText = ref(null);

      // 设置地点: each level of 省/市/区 loaded from /api/regions when the level above is opened.
      const fetchLevel = async (parent) => {
        const response = await fetch(`/api/regions${parent ? `?parent=${parent}` : ''}`);
        if (!response.ok) throw new Error(String(response.status));
        return (await response.json()).map((r) => ({ value: r.code, label: r.name }));
      };
      const loadRegions = async (selected) => {
        const target = selected[selected.length - 1];
        target.loading = true;
        try {
          const children = await fetchLevel(target.value);
          // 省 and 市 open a further column; 区县 is the last.
          target.children = children.map((c) => ({ ...c, isLeaf: selected.length >= 2 }));
        } catch {
          antd.message.error('行政区划加载失败，请重新选择');
        } finally {
          target.loading = false;
          regions.value = [...regions.value];
        }
      };
      fetchLevel('')
        .then((list) => {
          regions.value = list.map((p) => ({ ...p, isLeaf: false }));
        })
        .catch(() => antd.message.error('行政区划加载失败，请刷新页面'));

      const status = (name) =>
        errors[name]
          ? { validateStatus: 'error', help: errors[name] }
          : { validateStatus: '', help: undefined };

      const uploaded = ({ file, fileList }) => {
        delete errors.xgt;
        const answer = file.response;
        if (file.status === 'done' && answer && !answer.ok) {
          file.status = 'error';
          file.response = answer.message;
          errors.xgt = answer.message || '上传失败，请重试';
        } else if (file.status === 'error') {
          errors.xgt = '系统繁忙，请稍后再试';
        }
        form.xgt = file.status === 'done' && answer?.ok ? answer.id : '';
        files.value = fileList.slice(-1);
      };

      const askCommitment = (event) => {
        if (!event.target.checked) {
          form.cn = false;
          return;
        }
        read.value = false;
        commitmentOpen.value = true;
        setTimeout(scrolled, 0);
      };
      const scrolled = () => {
        const box = commitmentText.value;
        if (box) read.value = read.value || box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
      };
      const sign = () => {
        form.cn = true;
        commitmentOpen.value = false;
      };

      const submit = async () => {
        for (const key of Object.keys(errors)) delete errors[key];
        pageError.value = '';
        sending.value = true;
        const body = new URLSearchParams();
        for (const [key, value] of Object.entries(form)) {
          if (key === 'szdd') {
            for (const [i, code] of value.entries())
              body.append(['szdd_sheng', 'szdd_shi', 'szdd_qu'][i], code);
          } else if (Array.isArray(value)) for (const v of value) body.append(key, v);
          else if (key === 'cn') {
            if (value) body.set('cn', '1');
          } else if (value !== undefined && value !== null) body.set(key, String(value));
        }
        try {
          const response = await fetch('/api/apply', {
            method: 'POST',
            headers: { 'X-Requested-With': 'XMLHttpRequest' },
            body,
          });
          const answer = await response.json().catch(() => ({ ok: false, message: '系统繁忙，请稍后再试' }));
          if (response.status === 401) return void location.assign(answer.login || '/login');
          if (answer.ok) return void location.assign(answer.receiptUrl);
          Object.assign(errors, answer.errors || {});
          pageError.value = answer.message || '';
        } finally {
          sending.value = false;
        }
      };

      return {
        locale: antd.locales.zh_CN,
        form,
        files,
        regions,
        loadRegions,
        status,
        uploaded,
        pageError,
        sending,
        submit,
        commitmentOpen,
        read,
        commitmentText,
        askCommitment,
        scrolled,
        sign,
        materials: settings.材质.map((m) => ({ value: m, label: m })),
        pledges: settings.承诺事项,
        illuminated: Object.entries(settings.是否发光)
          .map(([value, label]) => ({ value, label }))
          .reverse(),
      };
    },
  };
  createApp(App).use(antd).mount('#app');
})();
