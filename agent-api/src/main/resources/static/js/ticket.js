// One ticket: its conversation (responses and internal notes), linked calls with their activity, the history of
// changes, its SLA clocks and the actions (take, assign, respond, note, status, escalate, send back, link a call,
// close). News about it arrives over the CTI edge and reloads it; news about other tickets counts in the title.
import { api, el, pbxLabel, text, time } from './api.js';
import { connectCti } from './cti.js';
import { clockText, dateTime, idOf, titleCounter, words } from './ticket-format.js';

const field = id => document.getElementById(id);
const ticketId = Number(document.body.dataset.ticketId);
const me = document.body.dataset.username;
const path = `/api/v1/tickets/${ticketId}`;
const counter = titleCounter(`Ticket #${ticketId} · Switchboard`);
let tiers = [];
let categories = [];

const CONVERSATION = { RESPONDED: 'Response', NOTE: 'Internal note', CREATED: 'Opened' };

function renderTicket(ticket) {
  field('ticket-title').textContent = `#${idOf(ticket.id)} ${ticket.subject}`;
  counter.clear();
  const owner = ticket.assigneeName ? `with ${ticket.assigneeName}` : 'waiting in the queue';
  field('ticket-meta').textContent = `${words(ticket.status)} · ${words(ticket.priority)} · ${ticket.tier} ${owner}`
    + ` · ${ticket.category || 'no category'}${(ticket.tags || []).length ? ' · tags: ' + ticket.tags.join(', ') : ''}`
    + ` · opened ${dateTime(ticket.createdAt)} · last update ${dateTime(ticket.updatedAt)}`;
  const contact = field('ticket-contact');
  contact.replaceChildren();
  if (ticket.contact !== null && ticket.contact !== undefined) {
    const link = el('a', ticket.contactName || 'the contact');
    link.href = `/contacts/${idOf(ticket.contact)}`;
    contact.append('Contact: ', link);
  } else {
    contact.append(el('span', 'No contact (unknown caller)', 'muted'));
  }
  field('ticket-description').textContent = text(ticket.description);
  const clocks = field('clocks');
  clocks.replaceChildren(...(ticket.sla || []).map(clock => {
    if (clock.metAt) return el('li', `${words(clock.kind)}: met ${dateTime(clock.metAt)}`, 'sla met');
    const shown = clockText(clock);
    return el('li', shown.text + (clock.dueAt ? ` (due ${dateTime(clock.dueAt)})` : ''), 'sla ' + shown.level);
  }));
  if (!clocks.children.length) clocks.append(el('li', 'No SLA clocks.', 'muted'));
  field('take').hidden = ticket.assigneeName === me;
  field('give-back').hidden = !ticket.assigneeName;
  tierChoices(ticket);
  categoryChoices(ticket);
  document.dispatchEvent(new CustomEvent('ticket-loaded', { detail: ticket }));
}

/** Escalation offers the tiers above, sending back the tiers below. */
function tierChoices(ticket) {
  const level = (tiers.find(tier => tier.name === ticket.tier) || {}).level || 0;
  for (const [id, keep, first] of [
    ['escalate-tier', tier => tier.level > level, 'the next tier'],
    ['de-escalate-tier', tier => tier.level < level, 'the tier below'],
  ]) {
    const select = field(id);
    const chosen = select.value;
    const any = el('option', first);
    any.value = '';
    select.replaceChildren(any, ...tiers.filter(tier => tier.active && keep(tier)).map(tier => {
      const option = el('option', tier.name);
      option.value = tier.name;
      return option;
    }));
    select.value = [...select.options].some(option => option.value === chosen) ? chosen : '';
  }
}

/** The category list and the tags as the ticket has them, unless the user is changing them right now. */
function categoryChoices(ticket) {
  const form = field('category-form');
  if (form.contains(document.activeElement)) return;
  const select = field('category-value');
  const none = el('option', 'none');
  none.value = '';
  const names = ticket.category && !categories.includes(ticket.category) ? [...categories, ticket.category] : categories;
  select.replaceChildren(none, ...names.map(name => {
    const option = el('option', name);
    option.value = name;
    return option;
  }));
  select.value = ticket.category || '';
  field('tags-value').value = (ticket.tags || []).join(', ');
}

function renderHistory(history) {
  const conversation = field('conversation');
  conversation.replaceChildren(...history.filter(change => CONVERSATION[change.kind] && (change.reason || change.kind === 'CREATED'))
    .map(change => {
      const item = el('li', null, change.kind === 'NOTE' ? 'note-entry' : 'response-entry');
      item.dataset.kind = change.kind;
      item.append(el('span', `${CONVERSATION[change.kind]} · ${text(change.actorName)} · ${dateTime(change.at)}`, 'meta'));
      if (change.reason) item.append(el('p', change.reason));
      return item;
    }));
  field('history').querySelector('tbody').replaceChildren(...history.map(change => {
    const row = el('tr');
    row.dataset.kind = change.kind;
    row.append(el('td', dateTime(change.at)), el('td', text(change.actorName)), el('td', words(change.kind)),
      el('td', text(change.from)), el('td', text(change.to)), el('td', text(change.reason)));
    return row;
  }));
}

function renderCalls(calls) {
  const body = field('calls').querySelector('tbody');
  body.replaceChildren(...calls.map(call => {
    const row = el('tr');
    row.dataset.callId = call.callId;
    const a = call.activity;
    if (!a) {
      const cell = el('td', `Call ${call.callId}: in progress, or not in your call log`, 'muted');
      cell.colSpan = 7;
      row.append(cell);
      return row;
    }
    row.append(el('td', dateTime(a.startedAt)), el('td', words(a.direction)), el('td', text(a.callerName || a.callerNumber)),
      el('td', words(a.outcome)), el('td', pbxLabel(text(a.queue))), el('td', `${a.talkSeconds} s`),
      el('td', a.disposition ? `${a.disposition}${a.notes ? ': ' + a.notes : ''}` : ''));
    return row;
  }));
  if (!calls.length) {
    const row = el('tr');
    const cell = el('td', 'No calls linked.', 'muted');
    cell.colSpan = 7;
    row.append(cell);
    body.append(row);
  }
}

async function load() {
  try {
    const [ticket, history, calls] = await Promise.all([
      api('GET', path), api('GET', `${path}/history`), api('GET', `${path}/calls`)]);
    renderTicket(ticket);
    renderHistory(history);
    renderCalls(calls);
  } catch (e) {
    field('ticket-error').textContent = e.status === 404 ? `No ticket #${ticketId} that you may see.` : e.message;
  }
}

/** Runs an action, says how it went, and shows the ticket as it is now. */
async function act(description, call, after) {
  const result = field('action-result');
  field('ticket-error').textContent = '';
  try {
    await call();
    result.textContent = description;
    if (after) after();
    await load();
  } catch (e) {
    result.textContent = '';
    field('ticket-error').textContent = e.message;
  }
}

function onSubmit(id, handler) {
  field(id).addEventListener('submit', event => { event.preventDefault(); handler(); });
}

const message = field('message-text');
onSubmit('message-form', () => act('Response recorded.',
  () => api('POST', `${path}/responses`, { note: message.value }), () => { message.value = ''; }));
field('add-note').addEventListener('click', () => {
  if (!message.reportValidity()) return;
  act('Note added.', () => api('POST', `${path}/notes`, { note: message.value }), () => { message.value = ''; });
});
field('take').addEventListener('click', () => act('It is yours.', () => api('POST', `${path}/assignee`, { username: me })));
field('give-back').addEventListener('click', () => act('Back in the queue.',
  () => api('POST', `${path}/assignee`, { username: null })));
onSubmit('assign-form', () => act('Assigned.',
  () => api('POST', `${path}/assignee`, { username: field('assign-username').value.trim() }),
  () => { field('assign-username').value = ''; }));
onSubmit('status-form', () => act('Status changed.',
  () => api('POST', `${path}/status`, { status: field('status-value').value, reason: field('status-reason').value || null }),
  () => { field('status-reason').value = ''; }));
onSubmit('escalate-form', () => act('Escalated.',
  () => api('POST', `${path}/escalations`, { tier: field('escalate-tier').value || null, reason: field('escalate-reason').value }),
  () => { field('escalate-reason').value = ''; }));
onSubmit('de-escalate-form', () => act('Sent back.',
  () => api('POST', `${path}/de-escalations`, { tier: field('de-escalate-tier').value || null, reason: field('de-escalate-reason').value }),
  () => { field('de-escalate-reason').value = ''; }));
onSubmit('category-form', () => act('Category and tags saved.', () => api('PUT', path, {
  category: field('category-value').value,
  tags: field('tags-value').value.split(',').map(tag => tag.trim()).filter(tag => tag),
}), () => document.activeElement && document.activeElement.blur()));
onSubmit('link-form', () => {
  const value = field('link-call').value.trim();
  // digits only: an activity of the call log; anything else: the PBX's call id
  const body = /^\d+$/.test(value) ? { activity: Number(value) } : { callId: value };
  act('Call linked.', () => api('POST', `${path}/calls`, body), () => { field('link-call').value = ''; });
});
onSubmit('close-form', () => act('Ticket closed.',
  () => api('POST', `${path}/status`, { status: 'CLOSED', reason: field('close-reason').value || null }),
  () => { field('close-reason').value = ''; }));

function news(ticket, message) {
  if (ticket === ticketId) {
    field('news').textContent = message;
    load();
  } else {
    counter.add();
    field('news').textContent = `${message} (another ticket)`;
  }
}

connectCti({
  ticketNews: item => news(item.ticket, `${words(item.kind)} by ${text(item.actor)} at ${time(item.at)}: #${item.ticket} “${item.subject}”.`),
  ticketEscalated: item => news(item.ticket, `#${item.ticket} “${item.subject}” escalated to ${item.toTier}.`),
});

Promise.all([
  api('GET', '/api/v1/tiers').then(list => { tiers = list; }).catch(() => { tiers = []; }),
  api('GET', '/api/v1/tickets/categories').then(list => { categories = list; }).catch(() => { categories = []; }),
]).finally(load);
