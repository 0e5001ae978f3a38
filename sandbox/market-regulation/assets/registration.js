// 企业设立登记: the 经营范围 text and the 行业 follow the chosen items and the 主营 flag.
document.addEventListener('k-picker-change', (event) => {
  const picker = event.target;
  const items = new Map(
    JSON.parse(picker.querySelector('.k-picker__data').textContent).map((i) => [i.code, i]),
  );
  const rows = [...picker.querySelectorAll('.k-picker__chosen tbody tr')].map((tr) => tr.dataset.code);
  const main = K.valueOf('zyxm', picker);
  const ordered = [...rows.filter((code) => code === main), ...rows.filter((code) => code !== main)];
  const text = document.querySelector('[name="jyfwms"]');
  const industry = document.querySelector('[name="hydm"]');
  if (text) text.value = ordered.map((code) => items.get(code)?.name ?? code).join('；');
  if (industry) {
    const note = items.get(main)?.note ?? '';
    industry.value = note.split(' ')[0] || '';
    const hint = industry.closest('.k-form-item__content').querySelector('.k-form-item__hint');
    if (hint) hint.textContent = note.replace('（许可项目）', '') || '根据主营项目自动确定';
  }
});
