// The contacts page: search as you type (name, company, any number in any format, e-mail, tag) with filters, sort
// and paging; a new contact (the card's form); CSV export of the search and import (supervisors and above).
import { api, el, upload } from './api.js';
import { contactForm } from './contact-form.js';

const size = 25;
const countLimit = 1000; // the API counts this far; more is "more than"
let page = 0;
let asked = 0; // the newest search sent: answers to older ones (typing goes on) are dropped

const field = id => document.getElementById(id);
const error = field('search-error');
const filters = [['q', 'search'], ['owner', 'filter-owner'], ['team', 'filter-team'], ['visibility', 'filter-visibility'],
  ['tag', 'filter-tag'], ['openTickets', 'filter-tickets'], ['sort', 'sort']];

const MIN_TEXT = 3; // one or two letters would match most of the base: the list waits for a third

function query() {
  const params = new URLSearchParams();
  for (const [name, id] of filters) {
    const value = field(id).value.trim();
    if (value && !(name === 'q' && value.length < MIN_TEXT)) params.set(name, value);
  }
  return params;
}

function row(contact) {
  const tr = el('tr');
  tr.dataset.contactId = contact.id;
  const link = el('a', contact.name);
  link.href = `/contacts/${contact.id}`;
  const name = el('td');
  name.append(link);
  tr.append(name, el('td', contact.account ? contact.account.name : ''),
    el('td', contact.phones.map(phone => phone.e164 || phone.raw).join(', ')), el('td', contact.email || ''),
    el('td', [...contact.tags].sort().join(', ')));
  return tr;
}

async function refresh() {
  const params = query();
  const exportLink = field('export');
  if (exportLink) exportLink.href = `/api/v1/contacts.csv?${params}`;
  params.set('page', page);
  params.set('size', size);
  const mine = ++asked;
  const result = await api('GET', `/api/v1/contacts?${params}`);
  if (mine !== asked) return;
  error.textContent = '';
  document.querySelector('#contact-list tbody').replaceChildren(...result.items.map(row));
  const total = result.totalItems > countLimit ? `more than ${countLimit.toLocaleString()}` : result.totalItems.toLocaleString();
  field('page-info').textContent = result.totalItems === 0 ? 'No contacts found.'
    : `${total} contact${result.totalItems === 1 ? '' : 's'}, page ${result.page + 1}${result.totalItems > countLimit ? '' : ' of ' + Math.max(1, result.totalPages)}`;
  field('previous').disabled = page === 0;
  field('next').disabled = result.items.length < size || (page + 1) * size >= result.totalItems;
}

function search() {
  page = 0;
  refresh().catch(e => { error.textContent = e.message; });
}

// as you type: wait for a short pause in typing, so a fast typist sends one search, not one per key
let typing = null;
field('search').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(search, 200); });
field('filter-tag').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(search, 200); });
for (const id of ['filter-owner', 'filter-team', 'filter-visibility', 'filter-tickets', 'sort']) {
  field(id).addEventListener('change', search);
}
field('search-form').addEventListener('submit', event => { event.preventDefault(); search(); });
field('previous').addEventListener('click', () => { page = Math.max(0, page - 1); refresh().catch(e => { error.textContent = e.message; }); });
field('next').addEventListener('click', () => { page += 1; refresh().catch(e => { error.textContent = e.message; }); });

field('new-contact').append(contactForm({
  prefix: 'new-contact',
  onSaved: created => window.location.assign(`/contacts/${created.id}`),
}));

const importForm = field('import-form');
if (importForm) {
  importForm.addEventListener('submit', async event => {
    event.preventDefault();
    const box = field('import-report');
    box.replaceChildren(el('p', 'Importing…', 'note'));
    try {
      const form = new FormData(event.target);
      const visibility = form.get('visibility');
      form.delete('visibility');
      const report = await upload(`/api/v1/contacts/import?visibility=${encodeURIComponent(visibility)}`, form);
      const summary = el('p', `${report.inserted} created, ${report.updated} updated, ${report.rejected} rejected of `
        + `${report.rows} rows (${report.encoding}, delimiter "${report.delimiter}"); `
        + `${report.unparseablePhones} numbers kept as typed (not valid numbers).`);
      summary.id = 'import-summary';
      const table = el('table', null, 'rejected');
      table.id = 'import-rejections';
      for (const rejection of report.rejections) {
        const tr = el('tr');
        tr.append(el('td', `line ${rejection.row}`), el('td', rejection.reason));
        table.append(tr);
      }
      box.replaceChildren(summary, table);
      search();
    } catch (e) {
      box.replaceChildren(el('p', e.message, 'error'));
    }
  });
}

search();
