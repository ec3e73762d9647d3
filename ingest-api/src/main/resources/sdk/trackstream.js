/*! trackstream.js: the browser tracker of Trackstream, no dependencies.
 * trackstream.init({endpoint: 'https://ingest.example.com', apiKey: 'WRITE_KEY'});
 * trackstream.track(type, properties); trackstream.page(); trackstream.identify(userId);
 */
(function (window, document) {
  'use strict';
  if (window.trackstream && window.trackstream.init) { return; }

  var STORE = 'trackstream.';
  var SESSION_GAP_MS = 30 * 60 * 1000;  // a session ends after 30 minutes without an event
  var MAX_BACKOFF_MS = 60 * 1000;
  var BEACON_EVENTS = 50;               // keeps a beacon well under the 64 KB browsers allow
  var cfg = null;
  var queue = [];
  var inFlight = false;
  var attempt = 0;
  var retryAt = 0;
  var lastUrl = null;
  var memory = {};                      // when localStorage is unavailable (private modes, blocked storage)

  function load(name) {
    try { return window.localStorage.getItem(STORE + name); } catch (e) { return memory[name] || null; }
  }

  function save(name, value) {
    try { window.localStorage.setItem(STORE + name, value); } catch (e) { memory[name] = value; }
  }

  function uuid() {
    var c = window.crypto;
    if (c && c.randomUUID) { return c.randomUUID(); }
    var b = new Uint8Array(16);
    c.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = '';
    for (var i = 0; i < 16; i++) { h += (b[i] + 256).toString(16).slice(1); }
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function anonymousId() {
    var id = load('anonymous_id');
    if (!id) { id = 'anon-' + uuid(); save('anonymous_id', id); }
    return id;
  }

  function userId() {
    return load('user_id') || anonymousId();
  }

  function sessionId(now) {
    var stored = (load('session') || '').split('|');
    var id = stored[0];
    if (!id || now - (Number(stored[1]) || 0) > SESSION_GAP_MS) { id = uuid(); }
    save('session', id + '|' + now);
    return id;
  }

  function text(value, max) {
    return value ? String(value).slice(0, max) : undefined;
  }

  function track(type, properties, referrer) {
    if (!cfg) { return; }
    var now = Date.now();
    queue.push({
      event_id: uuid(),  // the same id on every resend, so a retried event is never counted twice
      user_id: userId(),
      event_type: type,
      timestamp: new Date(now).toISOString(),
      session_id: sessionId(now),
      page_url: text(window.location.href, 2048),
      referrer: text(referrer === undefined ? document.referrer : referrer, 2048),
      user_agent: text(window.navigator.userAgent, 1024),
      properties: properties || undefined
    });
    if (queue.length > cfg.maxQueue) { queue.splice(0, queue.length - cfg.maxQueue); }  // oldest go first
    if (queue.length >= cfg.flushAt) { flush(); }
  }

  function page(properties) {
    var referrer = lastUrl === null ? undefined : lastUrl;  // after a single-page change: the previous page
    lastUrl = window.location.href;
    var props = properties || {};
    if (props.title === undefined && document.title) { props.title = document.title; }
    track('page_view', props, referrer);
  }

  function identify(id) {
    if (!id) { return; }
    var anonymous = anonymousId();
    save('user_id', String(id));
    track('identify', {anonymous_id: anonymous});  // links the anonymous history to the user
  }

  // sent_at is stamped at each attempt, so the server corrects a wrong device clock.
  function stamp(events) {
    var sentAt = new Date().toISOString();
    for (var i = 0; i < events.length; i++) { events[i].sent_at = sentAt; }
    return JSON.stringify({events: events});
  }

  function remove(sent, keep) {
    queue = queue.filter(function (e) { return sent.indexOf(e) < 0 || keep.indexOf(e) >= 0; });
  }

  function backoff(retryAfter) {
    var delay = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, attempt++)) * (0.5 + Math.random() / 2);
    var seconds = Number(retryAfter);
    if (seconds > 0) { delay = Math.max(delay, seconds * 1000); }
    retryAt = Date.now() + delay;
    setTimeout(flush, delay + 10);
  }

  function flush() {
    if (!cfg || inFlight || !queue.length || Date.now() < retryAt) { return; }
    var batch = queue.slice(0, 100);
    inFlight = true;
    window.fetch(cfg.endpoint + '/api/v1/events/batch', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-API-Key': cfg.apiKey || ''},
      body: stamp(batch)
    }).then(function (response) {
      if (response.status === 429 || response.status >= 500) {
        backoff(response.headers.get('Retry-After'));
        return null;
      }
      attempt = 0;
      if (response.status !== 207) { remove(batch, []); return null; }
      return response.json().then(function (answer) {
        // 207: the rejected events will never pass; the failed ones are valid and resent as they are.
        var keep = [];
        (answer.results || []).forEach(function (r) { if (r.status === 'failed') { keep.push(batch[r.index]); } });
        remove(batch, keep);
      });
    }, function () {
      backoff(null);  // a network error: the server may be restarting or unreachable
    }).then(function () {
      inFlight = false;
      if (queue.length >= cfg.flushAt) { flush(); }
    });
  }

  // On pagehide the page may be gone before a fetch answers: a beacon is delivered by the browser
  // after the page is gone. text/plain (a plain string) keeps it a simple request without preflight,
  // and a beacon cannot set headers, so the key rides in the query string.
  function beacon() {
    if (!cfg || !queue.length || !window.navigator.sendBeacon) { return; }
    var url = cfg.endpoint + '/api/v1/events/batch?api_key=' + encodeURIComponent(cfg.apiKey || '');
    while (queue.length) {
      var batch = queue.slice(0, BEACON_EVENTS);
      if (!window.navigator.sendBeacon(url, stamp(batch))) { return; }
      remove(batch, []);
    }
  }

  function onHistoryChange() {
    if (window.location.href !== lastUrl) { page(); }
  }

  function watchHistory() {
    var push = window.history.pushState;
    window.history.pushState = function () {
      var result = push.apply(this, arguments);
      onHistoryChange();
      return result;
    };
    window.addEventListener('popstate', onHistoryChange);
  }

  function onClick(e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-track]') : null;
    if (el) {
      track('click', {element: el.getAttribute('data-track') || undefined, text: text((el.textContent || '').trim(), 100)});
    }
  }

  function init(options) {
    if (cfg || !options || !options.endpoint) { return; }
    cfg = {
      endpoint: String(options.endpoint).replace(/\/+$/, ''),
      apiKey: options.apiKey,
      flushInterval: options.flushInterval || 3000,
      flushAt: options.flushAt || 20,
      maxQueue: options.maxQueue || 1000
    };
    window.setInterval(flush, cfg.flushInterval);
    window.addEventListener('pagehide', beacon);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') { beacon(); }
    });
    if (options.autoTrack !== false) {
      document.addEventListener('click', onClick, true);  // capture: seen even when a link navigates away
      watchHistory();
      page();
    }
  }

  window.trackstream = {init: init, track: track, page: page, identify: identify, flush: flush};
})(window, document);
