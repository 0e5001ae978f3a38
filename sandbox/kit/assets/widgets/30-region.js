// 省/市/区 cascade: each level asks the server for its children when the level above is chosen.
(() => {
  const levelsOf = (region) => [...region.querySelectorAll('.k-region__level')];
  const PLACEHOLDERS = ['请选择省份', '请选择城市', '请选择区县'];

  const reset = (level, index) => {
    level.querySelector('.k-select__menu').innerHTML = '';
    level.querySelector('.k-select__input').value = '';
    level.querySelector('.k-select__input').placeholder = PLACEHOLDERS[index];
    level.classList.add('is-disabled');
  };

  const load = async (region, index, parent) => {
    const level = levelsOf(region)[index];
    const input = level.querySelector('.k-select__input');
    level.classList.add('is-loading');
    level.classList.remove('is-disabled');
    input.placeholder = '加载中…';
    try {
      const { status, data } = await K.request(
        'GET',
        `${region.dataset.api}?parent=${encodeURIComponent(parent)}`,
      );
      if (status !== 200 || !Array.isArray(data)) throw new Error(data?.message || '加载失败');
      level.querySelector('.k-select__menu').innerHTML = data
        .map((r) => `<li class="k-select__option" data-value="${r.code}">${r.name}</li>`)
        .join('');
      input.placeholder = PLACEHOLDERS[index];
    } catch (error) {
      input.placeholder = '加载失败，请重新选择';
      level.classList.add('is-error');
      throw error;
    } finally {
      level.classList.remove('is-loading');
    }
  };

  const pick = (level, code) => {
    const option = level.querySelector(`.k-select__option[data-value="${code}"]`);
    if (option) K.choose(level, code, option.textContent);
    return Boolean(option);
  };

  K.onInit((root) => {
    for (const region of root.querySelectorAll('.k-region')) {
      if (region._ready) continue;
      region._ready = true;
      const levels = levelsOf(region);
      const hidden = region.querySelector(':scope > input[type=hidden]');
      levels.forEach((level, index) => {
        if (index > 0) reset(level, index);
        level.addEventListener('k-select', async (event) => {
          if (region._restoring) return;
          event.stopPropagation();
          hidden.value = '';
          for (let i = index + 1; i < levels.length; i += 1) reset(levels[i], i);
          if (index < levels.length - 1) {
            K.fire(hidden, 'change');
            await load(region, index + 1, event.detail.value).catch(() => {});
          } else {
            hidden.value = event.detail.value;
            K.fire(hidden, 'change');
          }
        });
      });
      // Restore a value the server sent back (after a validation error, or a saved step).
      const initial = region.dataset.value;
      (async () => {
        await load(region, 0, '');
        if (!/^\d{6}$/.test(initial)) return;
        region._restoring = true;
        const path = [`${initial.slice(0, 2)}0000`, `${initial.slice(0, 4)}00`, initial];
        for (let i = 0; i < levels.length; i += 1) {
          if (!pick(levels[i], path[i])) break;
          if (i < levels.length - 1) await load(region, i + 1, path[i]);
        }
        hidden.value = initial;
        region._restoring = false;
      })().catch(() => {});
    }
  });
})();
