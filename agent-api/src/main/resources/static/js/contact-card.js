// The contact card: details edited in place (the shared contact form, with optimistic locking), click-to-dial each
// number, the whole call history (paged), tickets open and closed, campaign attempts, and likely duplicates to merge.
import { api, el, pbxLabel, text } from './api.js';
import { contactForm } from './contact-form.js';

const id = document.body.dataset.contactId;
const mayDial = document.body.dataset.mayDial === 'true';
const historySize = 10;
let historyPage = 0;
let contact = null;

const field = name => document.getElementById(name);

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function cell(content) {
  return el('td', text(content));
}

async function loadContact() {
  contact = await api('GET', `/api/v1/contacts/${id}`);
  document.title = `${contact.name} · Switchboard`;
  summary();
  field('contact-edit').replaceChildren(contactForm({
    contact,
    prefix: 'contact',
    onSaved: saved => { contact = saved; renderNumbers(); loadDuplicates(); summary(); },
  }));
  renderNumbers();
}

function summary() {
  field('contact-title').textContent = contact.name;
  field('contact-summary').textContent = [contact.account && contact.account.name, contact.email,
    `visible to ${contact.visibility.toLowerCase()}`, `version ${contact.version}`].filter(Boolean).join(' · ');
}

function renderNumbers() {
  const list = field('numbers');
  list.replaceChildren();
  if (!contact.phones.length) list.append(el('li', 'No numbers.', 'muted'));
  for (const phone of contact.phones) {
    const item = el('li', `${phone.type.toLowerCase()}: ${phone.e164 || phone.raw}${phone.unparseable ? ' (not a valid number, kept as typed)' : ''} `);
    if (mayDial) {
      const dial = el('button', 'Dial', 'secondary');
      dial.type = 'button';
      dial.setAttribute('aria-label', `Dial ${phone.e164 || phone.raw}`);
      dial.addEventListener('click', async () => {
        const status = field('dial-status');
        status.textContent = `Calling ${phone.e164 || phone.raw}: your phone rings first…`;
        try {
          await api('POST', '/api/v1/calls', { number: phone.e164 || phone.raw });
        } catch (e) {
          status.textContent = `Could not dial: ${e.message}`;
        }
      });
      item.append(dial);
    }
    list.append(item);
  }
}

async function loadHistory() {
  const result = await api('GET', `/api/v1/activities?contact=${id}&page=${historyPage}&size=${historySize}`);
  const rows = result.items.map(activity => {
    const row = el('tr');
    row.dataset.activityId = activity.id;
    row.append(cell(when(activity.startedAt)), cell(text(activity.direction).toLowerCase()),
      cell(text(activity.outcome).toLowerCase()), cell(pbxLabel(activity.agentExtension)), cell(pbxLabel(activity.queue)),
      cell(`${activity.waitSeconds} s`), cell(`${activity.talkSeconds} s`), cell(activity.disposition), cell(activity.notes));
    return row;
  });
  field('history').querySelector('tbody').replaceChildren(...rows);
  field('history-info').textContent = result.totalItems === 0 ? 'No calls yet.'
    : `${result.totalItems} calls, page ${result.page + 1} of ${Math.max(1, result.totalPages)}`;
  field('history-previous').disabled = historyPage === 0;
  field('history-next').disabled = historyPage + 1 >= result.totalPages;
}

async function loadTickets() {
  const result = await api('GET', `/api/v1/tickets?contact=${id}&size=100`);
  const rows = result.items.map(ticket => {
    const row = el('tr');
    const link = el('a', `#${ticket.id} ${ticket.subject}`);
    link.href = `/tickets/${ticket.id}`;
    const first = el('td');
    first.append(link);
    row.append(first, cell(text(ticket.status).toLowerCase().replace('_', ' ')), cell(text(ticket.priority).toLowerCase()),
      cell(ticket.tier), cell(ticket.assigneeName || 'waiting in the tier'), cell(when(ticket.updatedAt)));
    return row;
  });
  if (!rows.length) {
    const none = el('tr');
    none.append(el('td', 'No tickets.', 'muted'));
    rows.push(none);
  }
  field('tickets').querySelector('tbody').replaceChildren(...rows);
}

async function loadAttempts() {
  const attempts = await api('GET', `/api/v1/contacts/${id}/campaign-attempts`);
  const rows = attempts.map(attempt => {
    const row = el('tr');
    row.append(cell(when(attempt.startedAt)), cell(attempt.campaign), cell(attempt.number),
      cell(attempt.outcome ? attempt.outcome.toLowerCase().replace('_', ' ') : 'in progress'), cell(attempt.disposition), cell(attempt.agent));
    return row;
  });
  field('attempts').querySelector('tbody').replaceChildren(...rows);
}

const REASONS = { SAME_NUMBER: 'same number', SAME_EMAIL: 'same e-mail', SIMILAR_NAME: 'similar name, same company' };

async function loadDuplicates() {
  const list = field('duplicates');
  const candidates = await api('GET', `/api/v1/contacts/${id}/duplicates`);
  list.replaceChildren();
  if (!candidates.length) list.append(el('li', 'None found.', 'muted'));
  for (const candidate of candidates) {
    const other = candidate.contact;
    const item = el('li', null, 'duplicate');
    item.dataset.contactId = other.id;
    const link = el('a', other.name);
    link.href = `/contacts/${other.id}`;
    item.append(link, ` (${[other.account && other.account.name, other.email, ...other.phones.map(p => p.e164 || p.raw)]
      .filter(Boolean).join(', ')}) — ${candidate.reasons.map(reason => REASONS[reason] || reason).join(', ')} `);
    const merge = el('button', 'Merge into this contact…', 'secondary');
    merge.type = 'button';
    merge.addEventListener('click', () => {
      const confirm = el('button', `Confirm: merge ${other.name} into ${contact.name}`);
      confirm.type = 'button';
      confirm.className = 'confirm-merge';
      confirm.addEventListener('click', () => mergeIn(other));
      merge.replaceWith(confirm);
      confirm.focus();
    });
    item.append(merge);
    list.append(item);
  }
}

async function mergeIn(other) {
  field('merge-error').textContent = '';
  try {
    await api('POST', `/api/v1/contacts/${id}/merge`, { other: other.id, version: contact.version, otherVersion: other.version });
    field('merge-status').textContent = `${other.name} was merged into this contact.`;
    await loadAll();
  } catch (e) {
    field('merge-error').textContent = e.status === 409
      ? 'One of the two contacts changed after this page read it: nothing was merged. Reload and try again.'
      : e.message;
  }
}

function guarded(load) {
  return load().catch(e => { field('merge-error').textContent = e.message; });
}

async function loadAll() {
  await loadContact();
  await Promise.all([guarded(loadHistory), guarded(loadTickets), guarded(loadAttempts), guarded(loadDuplicates)]);
}

field('reload').addEventListener('click', () => loadAll().catch(e => { field('merge-error').textContent = e.message; }));
field('history-previous').addEventListener('click', () => { historyPage = Math.max(0, historyPage - 1); guarded(loadHistory); });
field('history-next').addEventListener('click', () => { historyPage += 1; guarded(loadHistory); });

loadAll().catch(e => {
  field('contact-title').textContent = e.status === 404 ? 'No such contact (or not one you may see)' : e.message;
});
