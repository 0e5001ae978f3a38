// 行业 → 工伤保险行业风险类别: choosing an industry preselects its usual risk class, as the agency's page
// does; the person may still pick another class (the first save then asks to 继续).
(() => {
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (input.name !== 'aab022' || !input.value) return;
    const map = JSON.parse(document.getElementById('si-risk-map')?.textContent || '{}');
    const riskClass = map[input.value];
    const hidden = document.querySelector('input[name="aab118"]');
    if (!riskClass || !hidden) return;
    const select = hidden.closest('.k-select');
    const option = select.querySelector(`.k-select__option[data-value="${riskClass}"]`);
    if (option) K.choose(select, riskClass, option.textContent.trim());
  });
})();
