// The audit log for admins: filter by who, what and when, page through, export the same selection as CSV.
import { api, el } from './api.js';

let page = 0;
const form = document.getElementById('audit-filter');

function filters() {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, key) => {
    if (!value) return;
    params.set(key, key === 'from' || key === 'to' ? new Date(value).toISOString() : value);
  });
  return params;
}

const json = value => value === null || value === undefined ? '' : JSON.stringify(value, null, 1);

async function refresh() {
  const params = filters();
  document.getElementById('audit-export').href = '/api/v1/audit.csv?' + params;
  params.set('page', page);
  params.set('size', 50);
  const result = await api('GET', '/api/v1/audit?' + params);
  const rows = result.items.map(entry => {
    const row = el('tr');
    row.append(el('td', new Date(entry.at).toLocaleString()), el('td', entry.actor), el('td', entry.action),
      el('td', `${entry.subjectType} ${entry.subjectId || ''}`), el('td', json(entry.before), 'json'), el('td', json(entry.after), 'json'));
    return row;
  });
  document.querySelector('#audit-list tbody').replaceChildren(...rows);
  document.getElementById('audit-page').textContent = `page ${result.page + 1} of ${Math.max(1, result.totalPages)} (${result.totalItems} changes)`;
  document.getElementById('audit-previous').disabled = page === 0;
  document.getElementById('audit-next').disabled = page + 1 >= result.totalPages;
}

const show = () => refresh().catch(e => { document.getElementById('audit-error').textContent = e.message; });
form.addEventListener('submit', event => { event.preventDefault(); page = 0; show(); });
document.getElementById('audit-previous').addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
document.getElementById('audit-next').addEventListener('click', () => { page += 1; show(); });
show();
