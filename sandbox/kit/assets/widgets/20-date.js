// Readonly date inputs with a calendar popup: day panel, month panel, year (decade) panel.
(() => {
  const pad = (n) => String(n).padStart(2, '0');
  const format = (fmt, y, m, d) =>
    fmt
      .replace('yyyy', String(y))
      .replace('MM', pad(m + 1))
      .replace('dd', pad(d || 1));
  const parse = (fmt, text) => {
    const order = [];
    const pattern = fmt.replace(/yyyy|MM|dd/g, (token) => {
      order.push(token);
      return token === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
    });
    const match = new RegExp(`^${pattern}$`).exec(text || '');
    if (!match) return null;
    const parts = { yyyy: 0, MM: 1, dd: 1 };
    order.forEach((token, i) => {
      parts[token] = Number(match[i + 1]);
    });
    return { y: parts.yyyy, m: parts.MM - 1, d: parts.dd };
  };
  const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
  const MONTHS = [
    '一月',
    '二月',
    '三月',
    '四月',
    '五月',
    '六月',
    '七月',
    '八月',
    '九月',
    '十月',
    '十一月',
    '十二月',
  ];

  const render = (box) => {
    const cal = box.querySelector('.k-cal');
    const state = box._cal;
    const input = box.querySelector('.k-date__input');
    const chosen = parse(box.dataset.format, input.value);
    let head = '';
    let grid = '';
    if (state.panel === 'day') {
      head = `<button type="button" class="k-cal__btn" data-cal="year-1">«</button><button type="button" class="k-cal__btn" data-cal="month-1">‹</button><span class="k-cal__title"><span class="k-cal__link" data-cal="panel-year">${state.y} 年</span> <span class="k-cal__link" data-cal="panel-month">${state.m + 1} 月</span></span><button type="button" class="k-cal__btn" data-cal="month+1">›</button><button type="button" class="k-cal__btn" data-cal="year+1">»</button>`;
      const first = new Date(state.y, state.m, 1).getDay();
      const days = new Date(state.y, state.m + 1, 0).getDate();
      const today = new Date();
      let cells = WEEK.map((w) => `<th>${w}</th>`).join('');
      cells = `<tr>${cells}</tr><tr>`;
      for (let i = 0; i < first; i += 1) cells += '<td></td>';
      for (let d = 1; d <= days; d += 1) {
        const classes = ['k-cal__cell'];
        if (chosen && chosen.y === state.y && chosen.m === state.m && chosen.d === d)
          classes.push('is-selected');
        if (today.getFullYear() === state.y && today.getMonth() === state.m && today.getDate() === d) {
          classes.push('is-today');
        }
        cells += `<td class="${classes.join(' ')}" data-day="${d}">${d}</td>`;
        if ((first + d) % 7 === 0 && d < days) cells += '</tr><tr>';
      }
      grid = `<table class="k-cal__grid">${cells}</tr></table>`;
    } else if (state.panel === 'month') {
      head = `<button type="button" class="k-cal__btn" data-cal="year-1">«</button><span class="k-cal__title"><span class="k-cal__link" data-cal="panel-year">${state.y} 年</span></span><button type="button" class="k-cal__btn" data-cal="year+1">»</button>`;
      let rows = '';
      for (let r = 0; r < 3; r += 1) {
        rows += '<tr>';
        for (let c = 0; c < 4; c += 1) {
          const m = r * 4 + c;
          const selected = chosen && chosen.y === state.y && chosen.m === m ? ' is-selected' : '';
          rows += `<td class="k-cal__cell${selected}" data-month="${m}">${MONTHS[m]}</td>`;
        }
        rows += '</tr>';
      }
      grid = `<table class="k-cal__grid k-cal__grid--wide">${rows}</table>`;
    } else {
      const start = state.y - (state.y % 10);
      head = `<button type="button" class="k-cal__btn" data-cal="year-10">«</button><span class="k-cal__title">${start} 年 - ${start + 9} 年</span><button type="button" class="k-cal__btn" data-cal="year+10">»</button>`;
      let rows = '';
      for (let r = 0; r < 3; r += 1) {
        rows += '<tr>';
        for (let c = 0; c < 4; c += 1) {
          const y = start - 1 + r * 4 + c;
          const selected = chosen && chosen.y === y ? ' is-selected' : '';
          rows += `<td class="k-cal__cell${selected}" data-year="${y}">${y}</td>`;
        }
        rows += '</tr>';
      }
      grid = `<table class="k-cal__grid k-cal__grid--wide">${rows}</table>`;
    }
    cal.innerHTML = `<div class="k-cal__head">${head}</div>${grid}<div class="k-cal__foot"><button type="button" class="k-link" data-cal="today">${box.dataset.mode === 'month' ? '本月' : '今天'}</button><button type="button" class="k-link" data-cal="clear">清空</button></div>`;
  };

  const open = (box) => {
    for (const other of document.querySelectorAll('.k-date.is-open')) if (other !== box) close(other);
    const input = box.querySelector('.k-date__input');
    const chosen = parse(box.dataset.format, input.value);
    const now = new Date();
    box._cal = {
      y: chosen ? chosen.y : now.getFullYear(),
      m: chosen ? chosen.m : now.getMonth(),
      panel: box.dataset.mode === 'month' ? 'month' : 'day',
    };
    if (!box.querySelector('.k-cal')) box.insertAdjacentHTML('beforeend', '<div class="k-cal"></div>');
    box.classList.add('is-open');
    render(box);
  };
  const close = (box) => {
    box.classList.remove('is-open');
    box.querySelector('.k-cal')?.remove();
  };
  const set = (box, text) => {
    const input = box.querySelector('.k-date__input');
    input.value = text;
    K.fire(input, 'change');
    close(box);
  };

  document.addEventListener('click', (event) => {
    const target = event.target;
    const box = target.closest('.k-date');
    if (!box) {
      for (const openBox of document.querySelectorAll('.k-date.is-open')) close(openBox);
      return;
    }
    const state = box._cal;
    const action = target.closest('[data-cal]')?.dataset.cal;
    const cell = target.closest('.k-cal__cell');
    if (!target.closest('.k-cal')) {
      if (box.classList.contains('is-open')) close(box);
      else open(box);
      return;
    }
    if (action === 'today') {
      const now = new Date();
      set(box, format(box.dataset.format, now.getFullYear(), now.getMonth(), now.getDate()));
    } else if (action === 'clear') set(box, '');
    else if (action === 'panel-year') state.panel = 'year';
    else if (action === 'panel-month') state.panel = 'month';
    else if (action?.startsWith('year')) state.y += Number(action.slice(4));
    else if (action?.startsWith('month')) {
      const moved = new Date(state.y, state.m + Number(action.slice(5)), 1);
      state.y = moved.getFullYear();
      state.m = moved.getMonth();
    } else if (cell?.dataset.year) {
      state.y = Number(cell.dataset.year);
      state.panel = 'month';
    } else if (cell?.dataset.month) {
      state.m = Number(cell.dataset.month);
      if (box.dataset.mode === 'month') return set(box, format(box.dataset.format, state.y, state.m, 1));
      state.panel = 'day';
    } else if (cell?.dataset.day) {
      return set(box, format(box.dataset.format, state.y, state.m, Number(cell.dataset.day)));
    }
    if (box.classList.contains('is-open')) render(box);
  });
})();
