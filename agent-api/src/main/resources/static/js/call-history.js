// The call history for supervisors and admins: filter, sort, page, open a call's detail, export the filter as CSV.
import { api, el, pbxLabel } from './api.js';

const form = document.getElementById('calls-filter');
let page = 0;
let sort = 'started';
let order = 'desc';

/** The form's filter as query parameters (local times as instants), the defaults left out. */
function filters() {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, key) => {
    if (!value) return;
    params.set(key, key === 'from' || key === 'to' ? new Date(value).toISOString() : value);
  });
  params.set('sort', sort);
  params.set('order', order);
  return params;
}

const when = iso => iso ? new Date(iso).toLocaleString() : '';
const customer = call => call.direction === 'OUTBOUND' ? call.calleeNumber : call.callerNumber;

function row(call) {
  const tr = el('tr');
  tr.dataset.id = call.id;
  tr.tabIndex = 0;
  tr.append(el('td', when(call.startedAt)), el('td', call.direction.toLowerCase()), el('td', customer(call)),
    el('td', call.contactName), el('td', pbxLabel(call.queue)), el('td', pbxLabel(call.agentExtension)), el('td', call.outcome.toLowerCase()),
    el('td', `${call.waitSeconds} s`), el('td', `${call.talkSeconds} s`), el('td', call.disposition),
    el('td', call.transferred ? 'yes' : ''));
  tr.addEventListener('click', () => detail(call.id));
  tr.addEventListener('keydown', event => { if (event.key === 'Enter') detail(call.id); });
  return tr;
}

async function refresh() {
  const params = filters();
  document.getElementById('calls-export').href = '/api/v1/reports/calls.csv?' + params;
  params.set('page', page);
  params.set('size', 50);
  const result = await api('GET', '/api/v1/reports/calls?' + params);
  document.getElementById('calls-error').textContent = '';
  document.querySelector('#calls-list tbody').replaceChildren(...result.items.map(row));
  document.getElementById('calls-page').textContent =
    result.items.length ? `page ${result.page + 1}` : 'no calls match';
  document.getElementById('calls-previous').disabled = page === 0;
  document.getElementById('calls-next').disabled = !result.hasNext;
  document.querySelectorAll('#calls-list button.sort').forEach(button => {
    const active = button.dataset.sort === sort;
    button.setAttribute('aria-sort', active ? (order === 'asc' ? 'ascending' : 'descending') : 'none');
    button.classList.toggle('active', active);
  });
}

function fact(list, name, value) {
  if (value === null || value === undefined || value === '') return;
  list.append(el('dt', name), el('dd', value));
}

async function detail(id) {
  const { call, tickets } = await api('GET', `/api/v1/reports/calls/${id}`);
  const facts = document.getElementById('detail-facts');
  facts.replaceChildren();
  fact(facts, 'Call', call.callId);
  fact(facts, 'Direction', call.direction.toLowerCase());
  fact(facts, 'Caller', [call.callerNumber, call.callerName].filter(Boolean).join(' '));
  fact(facts, 'Called', call.calleeNumber);
  fact(facts, 'Contact', call.contactName);
  fact(facts, 'Outcome', call.outcome.toLowerCase());
  fact(facts, 'Started', when(call.startedAt));
  fact(facts, 'Answered', when(call.answeredAt));
  fact(facts, 'Ended', when(call.endedAt));
  fact(facts, 'Ring / wait / talk', `${call.ringSeconds} s / ${call.waitSeconds} s / ${call.talkSeconds} s`);
  fact(facts, 'Disposition', call.disposition);
  fact(facts, 'Notes', call.notes);
  document.querySelector('#detail-path tbody').replaceChildren(...call.path.map(leg => {
    const tr = el('tr');
    tr.append(el('td', pbxLabel(leg.queue)), el('td', pbxLabel(leg.agentExtension)), el('td', when(leg.startedAt)),
      el('td', when(leg.answeredAt)), el('td', when(leg.endedAt)), el('td', leg.transferred ? 'yes' : ''));
    return tr;
  }));
  document.getElementById('detail-tickets').replaceChildren(...(tickets.length
    ? tickets.map(ticket => el('li', `#${ticket.id} ${ticket.subject} (${ticket.status.toLowerCase()}, ${ticket.tier})`))
    : [el('li', 'none')]));
  const section = document.getElementById('call-detail');
  section.hidden = false;
  section.scrollIntoView();
}

/** A link may carry a filter (`?queue=support&from=2026-12-01T00:00:00Z`): the form starts with it. */
function fromAddress() {
  const local = iso => {
    const date = new Date(iso);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  };
  new URLSearchParams(window.location.search).forEach((value, key) => {
    if (key === 'sort') sort = value;
    else if (key === 'order') order = value;
    else if (form.elements[key]) form.elements[key].value = key === 'from' || key === 'to' ? local(value) : value;
  });
}

const show = () => refresh().catch(e => { document.getElementById('calls-error').textContent = e.message; });
form.addEventListener('submit', event => { event.preventDefault(); page = 0; show(); });
document.getElementById('calls-previous').addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
document.getElementById('calls-next').addEventListener('click', () => { page += 1; show(); });
document.getElementById('detail-close').addEventListener('click', () => { document.getElementById('call-detail').hidden = true; });
document.querySelectorAll('#calls-list button.sort').forEach(button => button.addEventListener('click', () => {
  order = sort === button.dataset.sort && order === 'desc' ? 'asc' : 'desc';
  sort = button.dataset.sort;
  page = 0;
  show();
}));
fromAddress();
show();
