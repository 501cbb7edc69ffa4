// The vanilla floor: fetch the list with the console's token, render the same table.
const token = sessionStorage.getItem('snapshot-console.token');
const locale = navigator.language;
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

function size(mb) {
  if (mb === null || mb === undefined) return '—';
  if (mb < 1024) return `${mb} MB`;
  return mb < 1024 * 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${(mb / 1048576).toFixed(1)} TB`;
}

function ago(ms) {
  const s = (ms - Date.now()) / 1000;
  const a = Math.abs(s);
  if (a < 45) return relative.format(Math.round(s), 'second');
  if (a < 2700) return relative.format(Math.round(s / 60), 'minute');
  if (a < 79200) return relative.format(Math.round(s / 3600), 'hour');
  if (a < 26 * 86400) return relative.format(Math.round(s / 86400), 'day');
  if (a < 320 * 86400) return relative.format(Math.round(s / 2629800), 'month');
  return relative.format(Math.round(s / 31557600), 'year');
}

function cell(text, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (title) td.title = title;
  return td;
}

function button(label, name) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'sc-button sc-small';
  b.textContent = label;
  b.setAttribute('aria-label', `${label} ${name}`);
  return b;
}

const response = await fetch('/api/v1/snapshots/', {
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
});
const page = await response.json();
const snapshots = page.results.sort((a, b) => b.created_at.localeCompare(a.created_at));
// For the bench's phases (tests/bench/phases.ts): the list is decoded.
performance.mark('decoded');

// Every match, re-rendered on each keystroke: the plainest way, with no framework.
function render(needle) {
  const rows = document.createDocumentFragment();
  for (const s of snapshots) {
    if (needle && !s.name.toLowerCase().includes(needle) && !(s.description ?? '').toLowerCase().includes(needle)) continue;
    const at = Date.parse(s.created_at);
    const tr = document.createElement('tr');
    const actions = document.createElement('td');
    actions.append(button('Restore', s.name), button('Delete', s.name));
    tr.append(cell(s.server.name), cell(s.name), cell(s.status), cell(size(s.size_mb), `${s.size_mb} MB`),
      cell(ago(at), absolute.format(at)), cell(s.description ?? ''), actions);
    rows.append(tr);
  }
  document.querySelector('tbody').replaceChildren(rows);
}

const search = document.querySelector('input[type=search]');
search.addEventListener('input', () => render(search.value.trim().toLowerCase()));
render('');
