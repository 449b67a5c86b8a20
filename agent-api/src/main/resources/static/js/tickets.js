// The ticket workbench: my tickets, my tiers' queues, my team's, all; filters, sort, paging, search. Tickets that
// arrive in my tiers' queues, escalate to my tier or get a response while I look are shown at once (CTI edge), with
// a count of them in the page title until marked seen.
import { api, el, text } from './api.js';
import { connectCti } from './cti.js';
import { clockText, dateTime, firstClock, idOf, titleCounter, words } from './ticket-format.js';

const field = id => document.getElementById(id);
const PAGE_SIZE = 25;
const counter = titleCounter(document.title);
const fresh = new Set(); // ticket ids the news was about, highlighted until seen
let page = 0;

function query() {
  const params = new URLSearchParams({ view: field('view').value, sort: field('sort').value, page, size: PAGE_SIZE });
  for (const name of ['q', 'status', 'priority', 'tier', 'category', 'tag']) {
    const value = field(name).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function row(ticket) {
  const id = idOf(ticket.id);
  const tr = el('tr', null, fresh.has(id) ? 'fresh' : '');
  tr.dataset.ticketId = id;
  tr.append(el('td', `#${id}`));
  const subject = el('td');
  const link = el('a', ticket.subject);
  link.href = `/tickets/${id}`;
  subject.append(link);
  const labels = [ticket.category, ...(ticket.tags || [])].filter(label => label);
  if (labels.length) subject.append(el('span', ` · ${labels.join(', ')}`, 'muted'));
  tr.append(subject);
  const contact = el('td');
  if (ticket.contact !== null && ticket.contact !== undefined) {
    const contactLink = el('a', ticket.contactName || `contact ${idOf(ticket.contact)}`);
    contactLink.href = `/contacts/${idOf(ticket.contact)}`;
    contact.append(contactLink);
  } else {
    contact.append(el('span', 'unknown caller', 'muted'));
  }
  tr.append(contact);
  tr.append(el('td', words(ticket.status)), el('td', words(ticket.priority), 'priority-' + text(ticket.priority).toLowerCase()));
  tr.append(el('td', ticket.tier), el('td', ticket.assigneeName || 'in the queue'));
  const clock = clockText(firstClock(ticket));
  tr.append(el('td', clock.text, 'sla ' + clock.level));
  tr.append(el('td', dateTime(ticket.updatedAt)));
  return tr;
}

async function refresh() {
  const error = field('list-error');
  try {
    const result = await api('GET', `/api/v1/tickets/workbench?${query()}`);
    error.textContent = '';
    const body = field('ticket-list').querySelector('tbody');
    body.replaceChildren(...result.items.map(row));
    if (!result.items.length) {
      const empty = el('tr');
      const cell = el('td', 'No tickets here.', 'muted');
      cell.colSpan = 9;
      empty.append(cell);
      body.append(empty);
    }
    field('page-info').textContent = result.totalItems
      ? `Page ${result.page + 1} of ${result.totalPages} (${result.totalItems} tickets)` : '';
    field('previous').disabled = page === 0;
    field('next').disabled = page + 1 >= result.totalPages;
  } catch (e) {
    error.textContent = e.message;
  }
}

function tell(message, ticket) {
  fresh.add(ticket);
  counter.add();
  field('news').textContent = message;
  field('seen').hidden = false;
  refresh();
}

const NEWS = {
  QUEUED: news => `#${news.ticket} “${news.subject}” arrived in the ${news.tier} queue.`,
  RESPONDED: news => `${news.actor} responded on your ticket #${news.ticket} “${news.subject}”.`,
  NOTED: news => `${news.actor} added a note to your ticket #${news.ticket} “${news.subject}”.`,
  DE_ESCALATED: news => `#${news.ticket} “${news.subject}” was sent back to ${news.tier} and is yours.`,
};

field('filters').addEventListener('submit', event => { event.preventDefault(); page = 0; refresh(); });
field('view').addEventListener('change', () => { page = 0; refresh(); });
field('previous').addEventListener('click', () => { page = Math.max(0, page - 1); refresh(); });
field('next').addEventListener('click', () => { page += 1; refresh(); });
field('seen').addEventListener('click', () => {
  fresh.clear();
  counter.clear();
  field('news').textContent = '';
  field('seen').hidden = true;
  refresh();
});

api('GET', '/api/v1/tiers').then(tiers => {
  for (const tier of tiers) {
    const option = el('option', tier.name);
    option.value = tier.name;
    field('tier').append(option);
  }
}).catch(() => { /* the filter stays at "Any" */ });

function addCategories(names, retired) {
  for (const name of names) {
    const option = el('option', retired ? `${name} (retired)` : name, retired ? 'retired' : null);
    option.value = name;
    field('category').append(option);
  }
}

// the managed list, then the categories taken off it that tickets still carry: those tickets stay findable by them
api('GET', '/api/v1/tickets/categories').then(names => addCategories(names, false))
  .catch(() => { /* the filter offers the rest */ })
  .then(() => api('GET', '/api/v1/tickets/categories/retired'))
  .then(names => addCategories(names, true))
  .catch(() => { /* the filter offers the managed list */ });

connectCti({
  ticketNews: news => tell((NEWS[news.kind] || (n => `Ticket #${n.ticket} changed.`))(news), news.ticket),
  ticketEscalated: escalated => tell(
    escalated.fromTier === escalated.toTier
      ? `#${escalated.ticket} “${escalated.subject}” is past its SLA in ${escalated.toTier}.`
      : `#${escalated.ticket} “${escalated.subject}” escalated from ${escalated.fromTier} to ${escalated.toTier}.`,
    escalated.ticket),
});

// a view chosen in the address (/tickets?view=TIERS) opens first
const asked = new URLSearchParams(window.location.search).get('view');
if (asked && [...field('view').options].some(option => option.value === asked)) field('view').value = asked;
refresh();
