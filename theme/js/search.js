// Site search, in the reader's browser: the language's index (written by
// the build, generator/search.go) is fetched when the box is first used,
// then every keystroke scans it. Accents and case are folded on both
// sides, so "memoria" finds "memória"; each word typed matches the start
// of a word ("canai" finds "canais"). Results link to the section's
// anchor, with the matches marked in an excerpt built as DOM text, never
// as HTML. "/" focuses the box; arrows and Enter pick a result; Esc
// closes the list.

const MAX = 8;

// fold lowers case and drops accents, and maps each folded code unit back
// to its index in s, so a match in folded text marks the original.
function fold(s) {
  let text = '';
  const map = [];
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i));
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let k = 0; k < f.length; k++) map.push(i);
    text += f;
    i += ch.length;
  }
  map.push(s.length);
  return { text, map };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordStarts(term) {
  return new RegExp('(?<![\\p{L}\\p{N}_])' + escape(term), 'gu');
}

function count(re, s) {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) && n < 5) n++;
  return n;
}

function search(index, query) {
  const terms = fold(query).text.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  if (!terms.length) return { res: [], hits: [] };
  const res = terms.map(wordStarts);
  const hits = [];
  index.forEach((s, order) => {
    let score = 0;
    for (const re of res) {
      const t = count(re, s.ft) * 10 + count(re, s.fp) * 3 + count(re, s.fx);
      if (!t) return; // every word typed must be there
      score += t;
    }
    hits.push({ s, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return { res, hits: hits.slice(0, MAX) };
}

// mark appends text to el with every match of res marked.
function mark(el, text, res) {
  const f = fold(text);
  const spans = [];
  for (const re of res) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(f.text)); ) spans.push([f.map[m.index], f.map[m.index + m[0].length]]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [from, to] of spans) {
    if (from < at) continue;
    el.append(text.slice(at, from));
    const m = document.createElement('mark');
    m.textContent = text.slice(from, to);
    el.append(m);
    at = to;
  }
  el.append(text.slice(at));
}

// excerpt cuts about 160 characters of the section around its first match.
function excerpt(s, res) {
  let first = -1;
  for (const re of res) {
    re.lastIndex = 0;
    const m = re.exec(s.fx);
    if (m && (first < 0 || m.index < first)) first = m.index;
  }
  const x = s.x;
  if (first < 0) return x.length > 160 ? x.slice(0, x.lastIndexOf(' ', 160)) + ' …' : x;
  let from = Math.max(0, fold(x).map[first] - 50);
  let to = Math.min(x.length, from + 160);
  if (from > 0) from = x.indexOf(' ', from) + 1;
  if (to < x.length) to = Math.max(x.lastIndexOf(' ', to), from);
  return (from > 0 ? '… ' : '') + x.slice(from, to) + (to < x.length ? ' …' : '');
}

export function siteSearch() {
  const root = document.querySelector('.search[data-index]');
  if (!root) return;
  const input = root.querySelector('input');
  const list = root.querySelector('[role="listbox"]');
  root.hidden = false;
  let index = null;
  let loading = null;
  let active = -1;

  const load = () => {
    loading ??= fetch(root.dataset.index)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((sections) => {
        // Folded once; the map back to the original text is needed only
        // for an excerpt, and is made then.
        index = sections.map((s) => ({ ...s, ft: fold(s.t).text, fp: fold(s.p).text, fx: fold(s.x).text }));
      })
      .catch(() => {
        loading = null; // try again on the next keystroke
      });
    return loading;
  };

  const options = () => [...list.querySelectorAll('[role="option"]')];
  const setActive = (i) => {
    const opts = options();
    active = opts.length ? (i + opts.length) % opts.length : -1;
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', opts[active].id);
      opts[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    list.replaceChildren();
    const q = input.value.trim();
    if (!q || !index) {
      close();
      return;
    }
    const { res, hits } = search(index, q);
    if (!hits.length) {
      const li = document.createElement('li');
      li.className = 'search-none';
      li.setAttribute('role', 'option');
      li.setAttribute('aria-disabled', 'true');
      li.id = 'search-none';
      li.textContent = root.dataset.none;
      list.append(li);
    }
    hits.forEach(({ s }, i) => {
      const li = document.createElement('li');
      li.id = `search-opt-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const a = document.createElement('a');
      a.href = s.u;
      a.tabIndex = -1;
      const title = document.createElement('span');
      title.className = 'search-title';
      mark(title, s.t ? `${s.p} › ${s.t}` : s.p, res);
      const text = document.createElement('span');
      text.className = 'search-excerpt';
      mark(text, excerpt(s, res), res);
      a.append(title, text);
      li.append(a);
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    if (hits.length) setActive(0);
  };

  input.addEventListener('focus', load);
  input.addEventListener('input', () => {
    if (index) render();
    else load().then(render);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) render();
      else setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      const a = options()[active]?.querySelector('a');
      if (a) {
        e.preventDefault();
        location.href = a.href;
        close();
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) close();
      else input.blur();
    }
  });
  document.addEventListener('click', (e) => {
    if (!root.contains(e.target)) close();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.closest?.('input, textarea, select, [contenteditable]')) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}
