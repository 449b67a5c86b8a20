// The desktop's ways into the ticket workbench: links to /tickets/{id}, "Add to ticket" for a call (in the pop and
// in the recent calls) and "Open ticket" on the pop, for the call that is ringing or on.
import { api, el, text } from './api.js';
import { idOf } from './ticket-format.js';

/** A link to the ticket's page. */
export function ticketLink(id, label) {
  const link = el('a', label);
  link.href = `/tickets/${idOf(id)}`;
  link.className = 'ticket-link';
  return link;
}

function result() {
  const output = el('span', null, 'note');
  output.setAttribute('role', 'status');
  return output;
}

/** "Add this call" on one of the caller's open tickets in the pop: links the call (also while it rings). */
export function addCallButton(ticket, callId) {
  const span = el('span', null, 'add-call');
  const button = el('button', 'Add this call', 'small secondary');
  button.type = 'button';
  button.setAttribute('aria-label', `Add this call to ticket #${idOf(ticket.id)}`);
  const output = result();
  button.addEventListener('click', async () => {
    try {
      await api('POST', `/api/v1/tickets/${idOf(ticket.id)}/calls`, { callId });
      output.replaceChildren('Added to ', ticketLink(ticket.id, `#${idOf(ticket.id)}`), '.');
      button.disabled = true;
    } catch (e) {
      output.textContent = e.message;
    }
  });
  span.append(' ', button, ' ', output);
  return span;
}

/**
 * "Open ticket" on the pop: a subject (left empty: the caller and the time), and the ticket is opened about the
 * popped contact with the call linked; a link leads to it. Kept per call so a re-render does not lose it.
 */
const popForms = new Map();
export function popTicketForm(pop, contact) {
  if (popForms.has(pop.callId)) return popForms.get(pop.callId);
  const form = el('form', null, 'inline pop-ticket');
  const label = el('label', 'Ticket about this call');
  const subject = el('input');
  subject.maxLength = 300;
  subject.placeholder = 'Subject (empty: the caller and time)';
  subject.className = 'pop-ticket-subject';
  label.append(subject);
  const button = el('button', 'Open ticket', 'small');
  button.type = 'submit';
  const output = result();
  form.append(label, button, output);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const who = contact ? contact.name : text(pop.callerNumber || 'unknown caller');
    try {
      const ticket = await api('POST', '/api/v1/tickets', {
        subject: subject.value.trim() || `Call from ${who} at ${new Date().toLocaleString()}`,
        contact: contact ? idOf(contact.id) : null,
        callId: pop.callId,
      });
      output.replaceChildren('Opened ', ticketLink(ticket.id, `#${idOf(ticket.id)}`), ` in ${ticket.tier}.`);
      subject.value = '';
    } catch (e) {
      output.textContent = e.message;
    }
  });
  popForms.set(pop.callId, form);
  return form;
}

/** "Add to ticket" on a recent call: the ticket's number, and the call is linked to it. */
export function addToTicketForm(activity) {
  const form = el('form', null, 'inline add-to-ticket');
  const input = el('input');
  input.inputMode = 'numeric';
  input.pattern = '#?[0-9]+';
  input.required = true;
  input.size = 6;
  input.placeholder = '#';
  input.setAttribute('aria-label', `Ticket number to add the call from ${text(activity.callerNumber)} to`);
  const button = el('button', 'Add to ticket', 'small secondary');
  button.type = 'submit';
  const output = result();
  form.append(input, button, output);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const number = input.value.replace('#', '').trim();
    try {
      await api('POST', `/api/v1/tickets/${number}/calls`, { activity: idOf(activity.id) });
      output.replaceChildren('Added to ', ticketLink(number, `#${number}`), '.');
      input.value = '';
    } catch (e) {
      output.textContent = e.message;
    }
  });
  return form;
}
