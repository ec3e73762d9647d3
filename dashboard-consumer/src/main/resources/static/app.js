// The live page: one EventSource for snapshots, the feed and alerts; plain fetch for the rest.
(function () {
  'use strict';
  const FEED_KEPT = 200, FEED_SHOWN = 20;
  const COLORS = ['#2b6cb0', '#2e9d5b', '#c9822b', '#b83280', '#6b46c1', '#d53f3f', '#319795', '#718096', '#975a16', '#2c5282'];
  const colorOf = {};
  const color = (name) => colorOf[name] || (colorOf[name] = COLORS[Object.keys(colorOf).length % COLORS.length]);
  const $ = (id) => document.getElementById(id);
  const feed = [];
  const knownTypes = new Set();
  let historyBaseUrl = 'http://127.0.0.1:8081';

  Chart.defaults.animation = false;
  const timeline = new Chart($('chart-timeline'), {
    type: 'line',
    data: { labels: [], datasets: [] },
    options: { responsive: true, elements: { point: { radius: 0 } }, interaction: { intersect: false },
      scales: { x: { ticks: { maxTicksLimit: 10 } }, y: { beginAtZero: true, stacked: false } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 10 } } } }
  });
  const types = new Chart($('chart-types'), {
    type: 'bar', data: { labels: [], datasets: [{ label: 'events/s', data: [], backgroundColor: [] }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
  });
  const devices = new Chart($('chart-devices'), {
    type: 'doughnut', data: { labels: [], datasets: [{ data: [], backgroundColor: [] }] },
    options: { plugins: { legend: { position: 'bottom', labels: { boxWidth: 10 } } } }
  });

  function text(tag, value) { const el = document.createElement(tag); el.textContent = value == null ? '' : value; return el; }
  function row(cells) { const tr = document.createElement('tr'); cells.forEach(c => tr.appendChild(text('td', c))); return tr; }
  function time(iso) { return iso ? iso.substring(11, 19) : ''; }
  function what(e) {
    const p = e.properties || {};
    return e.page_url || (p.product_name ? p.product_name + ' (' + p.product_id + ')' : p.product_id) || p.search_query || '';
  }

  function showSnapshot(s) {
    $('tile-active-users').textContent = s.active_users;
    $('tile-events-per-second').textContent = s.events_per_second.toFixed(1);
    $('tile-conversion').textContent = Number(s.conversion_rate).toFixed(2) + ' %';
    const money = Object.entries(s.revenue || {});
    $('tile-revenue').textContent = money.length ? money.map(([c, v]) => v + ' ' + c).join(' · ') : '–';
    $('updated').textContent = 'updated ' + time(s.at) + ' UTC · ' + s.partitions + ' partition(s)';

    // One point per 5 seconds (the mean rate over them) keeps the chart light and smooth.
    const points = [];
    for (let i = 0; i + 5 <= s.timeline.length; i += 5) {
      const group = s.timeline.slice(i, i + 5);
      const byType = {};
      group.forEach(t => Object.entries(t.by_type).forEach(([k, n]) => { byType[k] = (byType[k] || 0) + n / 5; }));
      points.push({ second: group[4].second, events: group.reduce((a, t) => a + t.events, 0) / 5, by_type: byType });
    }
    const typeNames = [...new Set(s.timeline.flatMap(t => Object.keys(t.by_type)))].sort();
    timeline.data.labels = points.map(t => time(t.second));
    timeline.data.datasets = [{ label: 'total', data: points.map(t => t.events), borderColor: '#1d2733', borderWidth: 2 }]
      .concat(typeNames.map(type => ({ label: type, data: points.map(t => t.by_type[type] || 0), borderColor: color(type), borderWidth: 1 })));
    timeline.update();

    const byType = Object.entries(s.events_per_second_by_type);
    types.data.labels = byType.map(([t]) => t);
    types.data.datasets[0].data = byType.map(([, v]) => v);
    types.data.datasets[0].backgroundColor = byType.map(([t]) => color(t));
    types.update();
    const byDevice = Object.entries(s.by_device);
    devices.data.labels = byDevice.map(([d]) => d);
    devices.data.datasets[0].data = byDevice.map(([, n]) => n);
    devices.data.datasets[0].backgroundColor = byDevice.map(([d]) => color('device:' + d));
    devices.update();

    $('top-pages').replaceChildren(...s.top_pages.map(p => row([p.page, p.views])));
    $('top-products').replaceChildren(...s.top_products.map(p => row([p.product_id, p.name, p.events])));
  }

  function showFeed() {
    const only = $('feed-filter').value;
    const shown = feed.filter(e => !only || e.event_type === only).slice(0, FEED_SHOWN);
    $('feed').replaceChildren(...shown.map(e => {
      const tr = row([time(e.timestamp), e.event_type, e.user_id, what(e)]);
      tr.dataset.type = e.event_type;
      return tr;
    }));
  }

  function addEvents(events) {
    events.forEach(e => {
      feed.unshift(e);
      if (!knownTypes.has(e.event_type)) {
        knownTypes.add(e.event_type);
        const option = text('option', e.event_type);
        option.value = e.event_type;
        $('feed-filter').appendChild(option);
      }
    });
    feed.length = Math.min(feed.length, FEED_KEPT);
    showFeed();
  }

  function addAlert(alert, atEnd) {
    const li = text('li', [alert.rule || alert.rule_name || alert.type || 'alert', alert.user_id ? 'user ' + alert.user_id : '',
      alert.severity || '', alert.reason || alert.description || alert.message || '', time(alert.detected_at || alert.timestamp || alert.at)]
      .filter(Boolean).join(' · '));
    atEnd ? $('alerts').appendChild(li) : $('alerts').prepend(li);
    while ($('alerts').children.length > 50) { $('alerts').lastChild.remove(); }
    $('alerts-empty').style.display = 'none';
  }

  function setState(state) {
    const el = $('connection');
    el.dataset.state = state;
    el.className = 'state ' + (state === 'live' ? 'live' : 'reconnecting');
    el.textContent = state === 'live' ? 'live' : 'reconnecting…';
  }

  let source;
  function connect() {
    source = new EventSource('/api/v1/dashboard/stream');
    source.onopen = () => setState('live');
    source.onerror = () => {
      setState('reconnecting');
      // The browser retries by itself unless the server refused the stream: then start over.
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 2000); }
    };
    source.addEventListener('snapshot', m => { setState('live'); showSnapshot(JSON.parse(m.data)); });
    source.addEventListener('events', m => addEvents(JSON.parse(m.data)));
    source.addEventListener('alert', m => addAlert(JSON.parse(m.data), false));
  }

  $('feed-filter').addEventListener('change', showFeed);
  $('lookup-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const user = $('lookup-user').value.trim();
    if (!user) { return; }
    $('lookup-status').textContent = 'loading…';
    try {
      const response = await fetch(historyBaseUrl + '/api/v1/users/' + encodeURIComponent(user) + '/events?limit=20');
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      const page = await response.json();
      $('lookup-events').replaceChildren(...page.events.map(e => row([e.timestamp.replace('T', ' ').substring(0, 19), e.event_type, what(e)])));
      $('lookup-status').textContent = page.events.length + ' latest event(s) of user ' + user;
    } catch (e) {
      $('lookup-events').replaceChildren();
      $('lookup-status').textContent = 'history unavailable (' + e.message + ') at ' + historyBaseUrl;
    }
  });

  fetch('/api/v1/dashboard/config').then(r => r.json()).then(c => { historyBaseUrl = c.history_base_url; }).catch(() => {});
  fetch('/api/v1/dashboard/alerts').then(r => r.json()).then(list => list.forEach(a => addAlert(a, true))).catch(() => {});
  fetch('/api/v1/dashboard/snapshot').then(r => r.json()).then(showSnapshot).catch(() => {});
  connect();
})();
