// seatwise page: vanilla JS, no build step. Every piece of data from the server or from the
// user's files is put in the page with textContent (or as chart data drawn on a canvas), never
// as HTML: a user called "<img src=x onerror=alert(1)>" shows as exactly that text.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const state = {
    comparison: null,
    concurrency: null,
    request: null,
    dataset: null,
    charts: {},
    sort: { key: 'savings', dir: -1 },
  };
  const MAX_ROWS = 500;
  const COLOURS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b7791f', '#c53030', '#319795', '#4a5568'];

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (cls) {
      e.className = cls;
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function money(n) {
    if (n === null || n === undefined) {
      return '';
    }
    return Number(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  function showProblem(problem) {
    const box = $('problem');
    clear(box);
    if (!problem) {
      box.hidden = true;
      return;
    }
    box.appendChild(el('strong', (problem.title || 'Error') + (problem.status ? ' (' + problem.status + ')' : '')));
    box.appendChild(el('div', problem.detail || ''));
    if (problem.file) {
      box.appendChild(el('div', 'File: ' + problem.file + (problem.line ? ', line ' + problem.line : '')));
    }
    box.hidden = false;
  }

  // ---- requests ----------------------------------------------------------------------------

  function headers() {
    const token = $('token').value.trim();
    return token ? { Authorization: 'Bearer ' + token } : {};
  }

  function query(extra) {
    const p = new URLSearchParams();
    if ($('from').value) p.set('from', $('from').value);
    if ($('to').value) p.set('to', $('to').value);
    if ($('zone').value.trim()) p.set('zone', $('zone').value.trim());
    Object.entries(extra || {}).forEach(([k, v]) => p.set(k, v));
    const s = p.toString();
    return s ? '?' + s : '';
  }

  async function problemOf(res) {
    let problem;
    try {
      problem = await res.json();
    } catch (e) {
      problem = { title: 'Error', status: res.status, detail: res.statusText };
    }
    if (res.status === 401) {
      $('token-row').hidden = false;
    }
    const err = new Error(problem.detail || problem.title);
    err.problem = problem;
    return err;
  }

  async function post(path, extra, body) {
    const init = { method: 'POST', headers: headers() };
    if (body) {
      init.body = body;
    }
    const res = await fetch(path + query(extra), init);
    if (!res.ok) {
      throw await problemOf(res);
    }
    return res;
  }

  // Upload once: the files (or the bundled example) become a stored dataset; every analysis
  // then names it and sends parameters only.
  async function storeDataset() {
    const r = state.request;
    const extra = r.example ? { example: r.example } : {};
    const res = await post('/api/datasets', extra, r.form);
    return res.json();
  }

  const progress = {};

  function showProgress() {
    const list = $('progress');
    clear(list);
    Object.entries(progress).forEach(([name, text]) => list.appendChild(el('li', name + ': ' + text)));
    list.hidden = Object.keys(progress).length === 0;
  }

  function describe(job) {
    const s = (ms) => (ms / 1000).toFixed(1) + ' s';
    switch (job.phase) {
      case 'queued': return 'waiting' + (job.ahead ? ', ' + job.ahead + ' ahead' : '') + ' (' + s(job.elapsedMs) + ')';
      case 'reading': return 'reading the files (' + s(job.runningMs || 0) + ')';
      case 'analysing': return 'analysing (' + s(job.runningMs || 0) + ')';
      case 'done': return 'done in ' + s(job.elapsedMs);
      default: return job.problem && job.problem.status === 422 ? 'not possible on this data' : 'failed';
    }
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // One analysis of the stored dataset as a job: start it, follow its progress, return its result.
  // Each poll is a long poll (wait=2): the server answers as soon as the job moves to another phase
  // or ends, else after 2 s (to refresh the place in line), so an ended job is seen at once.
  async function job(name, extra) {
    // listed at once, so the list keeps the order the analyses were asked in (not the order in
    // which the server happened to answer the requests that start them)
    progress[name] = 'starting';
    showProgress();
    let res;
    try {
      res = await post('/api/datasets/' + state.dataset.id + '/' + name, Object.assign({ async: 'true' }, extra || {}));
    } catch (e) {
      progress[name] = e.problem && e.problem.status === 422 ? 'not possible on this data' : 'failed';
      showProgress();
      throw e;
    }
    let j = await res.json();
    const location = '/api/jobs/' + j.id + '?wait=2';
    let before = null;
    for (;;) {
      progress[name] = describe(j);
      showProgress();
      if (j.status === 'done') {
        return j.result;
      }
      if (j.status === 'failed') {
        const err = new Error((j.problem && j.problem.detail) || 'failed');
        err.problem = j.problem;
        throw err;
      }
      if (before === j.phase + ' ' + j.ahead) {
        await sleep(250); // unchanged: the server did not wait (a short deadline); do not spin
      }
      before = j.phase + ' ' + j.ahead;
      const poll = await fetch(location, { headers: headers() });
      if (!poll.ok) {
        throw await problemOf(poll);
      }
      j = await poll.json();
    }
  }

  async function analyse() {
    showProblem(null);
    document.body.dataset.ready = 'false';
    Object.keys(progress).forEach((k) => delete progress[k]);
    showProgress();
    setStatus('Uploading…');
    const started = performance.now();
    state.dataset = await storeDataset();
    const imp = state.dataset.import || {};
    setStatus('Stored ' + state.dataset.files.map((f) => f.file).join(', ') + ' (' + (imp.rowsRead || 0) +
      ' rows read) in ' + Math.round(performance.now() - started) + ' ms. Analysing…');
    const [cmp, conc] = await Promise.allSettled([job('comparisons', breakdownParam()), job('concurrency')]);
    if (cmp.status === 'rejected') {
      setStatus('');
      showProblem(cmp.reason.problem || { title: 'Error', detail: String(cmp.reason) });
      document.body.dataset.ready = 'error';
      return;
    }
    state.comparison = cmp.value;
    state.concurrency = conc.status === 'fulfilled' ? conc.value : null;
    $('results').hidden = false;
    renderTotals(cmp.value);
    renderChargeback(cmp.value);
    renderUsers();
    renderBreakEven(cmp.value);
    renderConcurrency(conc);
    // forecast and review look forward from the end of the compared period
    const at = { asOf: cmp.value.period.to, from: cmp.value.period.from, to: cmp.value.period.to };
    const [fc, rv, rc] = await Promise.allSettled([job('forecasts', at), job('reviews', at), job('reconciliations')]);
    renderForecast(fc);
    renderReview(rv);
    renderReconciliation(rc);
    setStatus('Done in ' + Math.round(performance.now() - started) + ' ms: ' + cmp.value.users.length + ' users.');
    document.body.dataset.ready = 'true';
  }

  // ---- totals --------------------------------------------------------------------------------

  function chart(id, config) {
    if (state.charts[id]) {
      state.charts[id].destroy();
    }
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
    state.charts[id] = new window.Chart($(id), config);
    return state.charts[id];
  }

  function renderTotals(c) {
    const p = c.period || {};
    $('period').textContent = 'Period ' + (p.from || '?') + ' to ' + (p.to || '?') + ' (' + (p.days || '?') +
      ' days, ' + (p.zone || 'UTC') + '), catalog ' + (c.catalog || '') + ', amounts in ' + c.currency + '.';
    const body = $('totals-table').tBodies[0];
    clear(body);
    c.scenarios.forEach((s) => {
      const tr = el('tr');
      tr.dataset.scenario = s.name;
      tr.appendChild(el('td', s.name));
      const total = el('td', money(s.total), 'num total');
      total.dataset.value = String(s.total);
      tr.appendChild(total);
      const detail = [];
      if (s.tokens !== undefined && s.tokens !== null) detail.push(s.tokens + ' tokens');
      if (s.seats) Object.entries(s.seats).forEach(([k, v]) => detail.push(k + ': ' + v + ' seats'));
      tr.appendChild(el('td', detail.join(', ')));
      body.appendChild(tr);
    });
    chart('totals-chart', {
      type: 'bar',
      data: {
        labels: c.scenarios.map((s) => s.name),
        datasets: [{ label: 'Total (' + c.currency + ')', data: c.scenarios.map((s) => Number(s.total)),
          backgroundColor: c.scenarios.map((s, i) => COLOURS[i % COLOURS.length]) }],
      },
      options: { plugins: { legend: { display: false } } },
    });
    const notes = $('notes');
    clear(notes);
    (c.notes || []).forEach((n) => notes.appendChild(el('li', n)));
    const imp = c.import || {};
    $('import-summary').textContent = 'Rows read ' + (imp.rowsRead || 0) + ', accepted ' + (imp.accepted || 0) +
      ', rejected ' + (imp.rejected || 0) + '.';
    const rej = $('rejections');
    clear(rej);
    (imp.rejections || []).slice(0, 200).forEach((r) => {
      rej.appendChild(el('li', r.file + ':' + r.line + (r.field ? ' [' + r.field + ']' : '') + ': ' + r.reason));
    });
    $('rejections-box').hidden = !(imp.rejections && imp.rejections.length);
  }

  // ---- chargeback ----------------------------------------------------------------------------

  function breakdownParam() {
    const by = $('breakdown-by').value;
    return by ? { by: by } : {};
  }

  // one row per group, one column per scenario; a stacked bar per scenario, one stack per group
  function renderChargeback(c) {
    const section = $('chargeback-section');
    if (!c.breakdown) {
      section.hidden = true;
      if (state.charts['chargeback-chart']) state.charts['chargeback-chart'].destroy();
      delete state.charts['chargeback-chart'];
      return;
    }
    section.hidden = false;
    $('chargeback-rule').textContent = 'Split by ' + c.breakdownBy + ', amounts in ' + c.currency +
      '. Rule: ' + c.breakdownRule + '.';
    const table = $('chargeback-table');
    const head = table.tHead;
    clear(head);
    const hr = el('tr');
    hr.appendChild(el('th', c.breakdownBy === 'cost-centre' ? 'Cost centre' : 'Team'));
    c.scenarios.forEach((s) => hr.appendChild(el('th', s.name, 'num')));
    head.appendChild(hr);
    const body = table.tBodies[0];
    clear(body);
    c.breakdown.forEach((g) => {
      const tr = el('tr');
      tr.dataset.group = g.group;
      tr.appendChild(el('td', g.group));
      c.scenarios.forEach((s) => {
        const td = el('td', money(g.totals[s.name]), 'num');
        td.dataset.scenario = s.name;
        td.dataset.value = String(g.totals[s.name]);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    const tr = el('tr', null, 'total-row');
    tr.appendChild(el('td', 'total'));
    c.scenarios.forEach((s) => tr.appendChild(el('td', money(s.total), 'num')));
    body.appendChild(tr);
    chart('chargeback-chart', {
      type: 'bar',
      data: {
        labels: c.scenarios.map((s) => s.name),
        datasets: c.breakdown.map((g, i) => ({
          label: g.group,
          data: c.scenarios.map((s) => Number(g.totals[s.name])),
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: c.currency } } },
      },
    });
  }

  async function refreshChargeback() {
    if (!state.comparison || !state.dataset) return;
    showProblem(null);
    try {
      const c = await job('comparisons', breakdownParam());
      state.comparison = c;
      renderChargeback(c);
    } catch (e) {
      showProblem(e.problem || { title: 'Error', detail: String(e) });
    }
  }

  // ---- users ---------------------------------------------------------------------------------

  function userRow(u) {
    const a = u.assignment || { bundles: [], named: [], flex: [] };
    const parts = [];
    if (a.bundles.length) parts.push('bundle ' + a.bundles.join(' '));
    if (a.named.length) parts.push('named ' + a.named.join(' '));
    if (a.flex.length) parts.push('Flex ' + a.flex.join(' '));
    return {
      user: u.user,
      products: u.usage.map((x) => x.product + ' (' + x.daysUsed + ' d)').join(', '),
      assignment: parts.join('; '),
      cost: Number(u.cost),
      allNamedCost: Number(u.allNamedCost),
      savings: Number(u.savings),
      reason: u.reason,
    };
  }

  function renderUsers() {
    const c = state.comparison;
    if (!c) return;
    const filter = $('user-filter').value.trim().toLowerCase();
    let rows = c.users.map(userRow);
    if (filter) {
      rows = rows.filter((r) => [r.user, r.products, r.assignment, r.reason].some((v) => String(v).toLowerCase().includes(filter)));
    }
    const { key, dir } = state.sort;
    rows.sort((x, y) => {
      const a = x[key];
      const b = y[key];
      if (typeof a === 'number' && typeof b === 'number') return dir * (a - b);
      return dir * String(a).localeCompare(String(b));
    });
    const body = $('users-table').tBodies[0];
    clear(body);
    rows.slice(0, MAX_ROWS).forEach((r) => {
      const tr = el('tr');
      tr.appendChild(el('td', r.user, 'user'));
      tr.appendChild(el('td', r.products));
      tr.appendChild(el('td', r.assignment));
      tr.appendChild(el('td', money(r.cost), 'num'));
      tr.appendChild(el('td', money(r.allNamedCost), 'num'));
      tr.appendChild(el('td', money(r.savings), 'num'));
      tr.appendChild(el('td', r.reason));
      body.appendChild(tr);
    });
    $('user-count').textContent = rows.length > MAX_ROWS
      ? 'showing ' + MAX_ROWS + ' of ' + rows.length + ' users (filter to narrow)'
      : rows.length + ' users';
    document.querySelectorAll('#users-table th.sortable').forEach((th) => {
      th.classList.toggle('sorted-asc', th.dataset.key === key && dir > 0);
      th.classList.toggle('sorted-desc', th.dataset.key === key && dir < 0);
    });
  }

  // ---- break-even ----------------------------------------------------------------------------

  function renderBreakEven(c) {
    const select = $('breakeven-product');
    clear(select);
    const list = c.breakEven || [];
    list.forEach((b, i) => {
      const o = el('option', b.product + ' (' + b.name + ')');
      o.value = String(i);
      select.appendChild(o);
    });
    if (!list.length) {
      $('breakeven-text').textContent = 'No product in this data has both a named price and a Flex rate.';
      if (state.charts['breakeven-chart']) state.charts['breakeven-chart'].destroy();
      delete state.charts['breakeven-chart'];
      return;
    }
    drawBreakEven();
  }

  function drawBreakEven() {
    const c = state.comparison;
    const b = (c.breakEven || [])[Number($('breakeven-product').value || 0)];
    if (!b) return;
    const named = Number(b.namedAnnual);
    const perDay = Number(b.flexPerDay);
    const maxDays = 365;
    const namedLine = [{ x: 0, y: named }, { x: maxDays, y: named }];
    const flexLine = [{ x: 0, y: 0 }, { x: maxDays, y: perDay * maxDays }];
    $('breakeven-text').textContent = b.breakEvenDays === null || b.breakEvenDays === undefined
      ? ' Flex costs nothing per day for this product.'
      : ' Named pays from ' + b.breakEvenDays + ' days used a year (' + b.tokensPerDay + ' tokens a day at ' +
        b.tokenPrice + ' ' + c.currency + ' a token = ' + money(perDay) + ' a day; named ' + money(named) + ' a year).';
    chart('breakeven-chart', {
      type: 'line',
      data: {
        datasets: [
          { label: 'Named subscription (' + c.currency + '/year)', data: namedLine, borderColor: COLOURS[0], pointRadius: 0 },
          { label: 'Flex (' + c.currency + ' for days used)', data: flexLine, borderColor: COLOURS[1], pointRadius: 0 },
        ],
      },
      options: {
        parsing: false,
        scales: {
          x: { type: 'linear', min: 0, max: maxDays, title: { display: true, text: 'days used per year' } },
          y: { beginAtZero: true, title: { display: true, text: c.currency } },
        },
      },
    });
  }

  // ---- forecast ------------------------------------------------------------------------------

  function renderForecast(result) {
    const box = $('forecast-box');
    if (result.status === 'rejected') {
      const p = result.reason.problem || {};
      $('forecast-status').textContent = 'No forecast: ' + (p.detail || String(result.reason));
      box.hidden = true;
      return;
    }
    const f = result.value;
    const months = f.projection || [];
    if (!months.length) {
      $('forecast-status').textContent = 'No forecast for this data. ' + (f.notes || []).join(' ');
      box.hidden = true;
      return;
    }
    box.hidden = false;
    // Balance month by month: as projected from the tokens held today, and with the P90 purchase
    // plan bought, under the horizon's P50 and P90 burn (spread over the months like the expected
    // burn): the band between them is the forecast's uncertainty.
    const purchases = (f.plan && f.plan.purchases) || [];
    let cumShare = 0;
    let cumExpired = 0;
    const expected = f.expectedBurn > 0 ? f.expectedBurn : 1;
    const p50 = [];
    const p90 = [];
    months.forEach((m) => {
      cumShare += f.expectedBurn > 0 ? m.burn / expected : 0;
      cumExpired += m.expired;
      const bought = purchases.filter((x) => x.date < m.to).reduce((sum, x) => sum + x.tokens, 0);
      const base = f.openingBalance + bought - cumExpired;
      p50.push(Math.max(0, Math.round(base - f.p50Burn * cumShare)));
      p90.push(Math.max(0, Math.round(base - f.p90Burn * cumShare)));
    });
    const parts = ['Opening balance ' + f.openingBalance + ' tokens on ' + f.asOf + '.',
      'Burn over the horizon: expected ' + f.expectedBurn + ', P50 ' + f.p50Burn + ', P90 ' + f.p90Burn + ' tokens.'];
    parts.push(f.runOut ? 'Held tokens run out on ' + f.runOut + '.' : 'Held tokens last the horizon.');
    if (f.expiringUnused > 0) parts.push(f.expiringUnused + ' tokens expire unused.');
    if (f.plan && f.plan.tokens > 0) parts.push('Plan: buy ' + f.plan.tokens + ' tokens for ' + money(f.plan.cost) + '. ' + f.plan.reason);
    $('forecast-status').textContent = parts.join(' ');
    chart('forecast-chart', {
      type: 'line',
      data: {
        labels: months.map((m) => m.to),
        datasets: [
          { label: 'Held tokens (no purchase)', data: months.map((m) => m.closing), borderColor: COLOURS[0], pointRadius: 2 },
          { label: 'With plan, P50 burn', data: p50, borderColor: COLOURS[2], pointRadius: 0 },
          { label: 'With plan, P90 burn', data: p90, borderColor: COLOURS[1], pointRadius: 0,
            fill: '-1', backgroundColor: 'rgba(192,86,33,0.15)' },
          { label: 'Tokens expiring', data: months.map((m) => m.expired), type: 'bar', backgroundColor: 'rgba(197,48,48,0.5)' },
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'tokens' } } } },
    });
  }

  function renderReview(result) {
    const body = $('review-table').tBodies[0];
    clear(body);
    if (result.status === 'rejected') {
      const p = result.reason.problem || {};
      $('review-status').textContent = 'No review: ' + (p.detail || String(result.reason));
      return;
    }
    const r = result.value;
    const total = r.actions.reduce((sum, a) => sum + Number(a.saving), 0);
    $('review-status').textContent = 'Today\'s plan ' + money(r.current) + ' ' + r.currency + '; after ' +
      r.actions.length + ' actions, in the order they can be made, ' + money(r.target) + ' (saving ' +
      money(total) + '; the optimum, every change at once, ' + money(r.optimum) + '). ' +
      (r.notes || []).join(' ');
    const start = el('tr');
    start.appendChild(el('td', 'today\'s plan'));
    ['', '', ''].forEach((t) => start.appendChild(el('td', t)));
    start.appendChild(el('td', money(r.current), 'num'));
    ['', ''].forEach((t) => start.appendChild(el('td', t)));
    body.appendChild(start);
    r.actions.slice(0, 200).forEach((a) => {
      const tr = el('tr');
      tr.appendChild(el('td', String(a.kind).toLowerCase().replace(/[-_]/g, ' ')));
      tr.appendChild(el('td', a.user || (a.users ? a.users.length + ' users' : '')));
      tr.appendChild(el('td', a.offering || a.lot || ''));
      tr.appendChild(el('td', money(a.saving), 'num'));
      tr.appendChild(el('td', money(a.runningTotal), 'num'));
      tr.appendChild(el('td', a.actionableOn));
      tr.appendChild(el('td', a.reason));
      body.appendChild(tr);
    });
  }

  // ---- reconciliation ------------------------------------------------------------------------

  function signed(n) {
    const v = Number(n);
    return (v > 0 ? '+' : '') + v.toLocaleString('en-US');
  }

  function renderReconciliation(result) {
    const body = $('reconciliation-table').tBodies[0];
    clear(body);
    if (result.status === 'rejected') {
      const p = result.reason.problem || {};
      $('reconciliation-status').textContent = 'No reconciliation: ' + (p.detail || String(result.reason));
      return;
    }
    const r = result.value;
    const rows = r.differences || [];
    const p = r.period || {};
    $('reconciliation-status').textContent = 'Charged ' + Number(r.charged).toLocaleString('en-US') + ' tokens, replayed ' +
      Number(r.replayed).toLocaleString('en-US') + ', difference ' + signed(r.difference) +
      (p.from ? ' (' + p.from + ' to ' + p.to + ')' : '') + '; ' + rows.length + ' user × product × days differ' +
      (rows.length > MAX_ROWS ? ', first ' + MAX_ROWS + ' shown' : '') + '. ' + (r.notes || []).join(' ');
    rows.slice(0, MAX_ROWS).forEach((d) => {
      const tr = el('tr');
      tr.dataset.kind = d.kind;
      tr.appendChild(el('td', d.day));
      tr.appendChild(el('td', d.user, 'user'));
      tr.appendChild(el('td', d.product));
      tr.appendChild(el('td', d.charged, 'num charged'));
      tr.appendChild(el('td', d.replayed, 'num replayed'));
      tr.appendChild(el('td', signed(d.difference), 'num difference'));
      tr.appendChild(el('td', d.kind));
      tr.appendChild(el('td', d.rule));
      tr.appendChild(el('td', d.reason));
      body.appendChild(tr);
    });
  }

  // ---- concurrency ---------------------------------------------------------------------------

  function renderConcurrency(result) {
    const body = $('concurrency-table').tBodies[0];
    clear(body);
    const select = $('heatmap-product');
    clear(select);
    clear($('heatmap'));
    if (result.status === 'rejected') {
      const p = result.reason.problem || {};
      $('concurrency-status').textContent = 'No concurrency analysis: ' + (p.detail || String(result.reason));
      return;
    }
    const r = result.value;
    $('concurrency-status').textContent = (r.notes || []).join(' ');
    r.products.forEach((p) => {
      const tr = el('tr');
      // a status output's check-outs of N units (LM-X, DSLS, LS-DYNA...): every figure in units
      tr.appendChild(el('td', p.product + (p.mapped ? '' : ' (unmapped feature)') + (p.inUnits ? ' (in units)' : '')));
      tr.appendChild(el('td', p.peak, 'num'));
      tr.appendChild(el('td', p.peakAt || ''));
      tr.appendChild(el('td', p.p90, 'num'));
      tr.appendChild(el('td', p.seatsNeeded, 'num'));
      tr.appendChild(el('td', p.distinctUsers, 'num'));
      body.appendChild(tr);
    });
    const timeline = (r.timeline || []).slice().sort((a, b) => Math.max(...b.dailyPeaks) - Math.max(...a.dailyPeaks));
    if (!timeline.length) {
      $('concurrency-status').textContent += ' No sessions with clock times: nothing to chart over time.';
      if (state.charts['concurrency-chart']) state.charts['concurrency-chart'].destroy();
      delete state.charts['concurrency-chart'];
      return;
    }
    const shown = timeline.slice(0, 6);
    const first = shown.reduce((m, t) => (t.firstDay < m ? t.firstDay : m), shown[0].firstDay);
    const length = Math.max(...shown.map((t) => t.dailyPeaks.length + dayOffset(first, t.firstDay)));
    const labels = [];
    for (let i = 0; i < length; i++) labels.push(addDays(first, i));
    chart('concurrency-chart', {
      type: 'line',
      data: {
        labels,
        datasets: shown.map((t, i) => {
          const off = dayOffset(first, t.firstDay);
          const data = labels.map((_, d) => (d - off >= 0 && d - off < t.dailyPeaks.length ? t.dailyPeaks[d - off] : null));
          return { label: t.product, data, borderColor: COLOURS[i % COLOURS.length], pointRadius: 0, stepped: true };
        }),
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'peak concurrent sessions per day' } } } },
    });
    state.timeline = timeline;
    timeline.forEach((t, i) => {
      const o = el('option', t.product);
      o.value = String(i);
      select.appendChild(o);
    });
    drawHeatmap();
  }

  function dayOffset(from, to) {
    return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
  }

  function addDays(day, n) {
    return new Date(Date.parse(day + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
  }

  function drawHeatmap() {
    const t = (state.timeline || [])[Number($('heatmap-product').value || 0)];
    const table = $('heatmap');
    clear(table);
    if (!t) return;
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const max = Math.max(0.0001, ...t.weekdayHour.flat());
    const head = el('tr');
    head.appendChild(el('th', ''));
    for (let h = 0; h < 24; h++) head.appendChild(el('th', h));
    const thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el('tbody');
    t.weekdayHour.forEach((row, d) => {
      const tr = el('tr');
      tr.appendChild(el('th', days[d]));
      row.forEach((v, h) => {
        const td = el('td', v >= 1 ? Math.round(v) : '');
        const a = v / max;
        td.style.backgroundColor = 'rgba(43,108,176,' + a.toFixed(3) + ')';
        td.style.color = a > 0.6 ? '#fff' : '#1d2330';
        td.title = days[d] + ' ' + h + ':00 mean hourly peak ' + v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }

  // ---- downloads -----------------------------------------------------------------------------

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- wiring --------------------------------------------------------------------------------

  async function loadExamples() {
    try {
      const res = await fetch('/api/examples', { headers: headers() });
      if (res.status === 401) {
        $('token-row').hidden = false;
        return;
      }
      const list = await res.json();
      const select = $('example');
      clear(select);
      list.forEach((e) => {
        const o = el('option', e.name + ': ' + e.description);
        o.value = e.name;
        select.appendChild(o);
      });
      $('example-row').hidden = list.length === 0;
    } catch (e) {
      $('example-row').hidden = true;
    }
  }

  function run(request) {
    state.request = request;
    analyse().catch((e) => {
      showProblem(e.problem || { title: 'Error', detail: String(e) });
      document.body.dataset.ready = 'error';
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('upload-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const form = new FormData();
      Array.from($('usage').files).forEach((f) => form.append('usage', f, f.name));
      Array.from($('catalog').files).forEach((f) => form.append('catalog', f, f.name));
      Array.from($('entitlements').files).forEach((f) => form.append('entitlements', f, f.name));
      Array.from($('identities').files).forEach((f) => form.append('identities', f, f.name));
      run({ form });
    });
    $('use-example').addEventListener('click', () => run({ example: $('example').value }));
    $('user-filter').addEventListener('input', renderUsers);
    document.querySelectorAll('#users-table th.sortable').forEach((th) => {
      th.addEventListener('click', () => {
        const key = th.dataset.key;
        state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (['cost', 'allNamedCost', 'savings'].includes(key) ? -1 : 1) };
        renderUsers();
      });
    });
    $('breakeven-product').addEventListener('change', drawBreakEven);
    $('heatmap-product').addEventListener('change', drawHeatmap);
    $('breakdown-by').addEventListener('change', refreshChargeback);
    $('download-json').addEventListener('click', () => {
      if (state.comparison) {
        save(new Blob([JSON.stringify(state.comparison, null, 2)], { type: 'application/json' }), 'seatwise-comparison.json');
      }
    });
    $('download-csv').addEventListener('click', async () => {
      try {
        if (!state.dataset) {
          return;
        }
        const res = await post('/api/datasets/' + state.dataset.id + '/comparisons', { format: 'csv' });
        save(await res.blob(), 'seatwise-users.csv');
      } catch (e) {
        showProblem(e.problem || { title: 'Error', detail: String(e) });
      }
    });
    $('token').addEventListener('change', loadExamples);
    loadExamples();
    document.body.dataset.ready = 'idle';
  });
})();
