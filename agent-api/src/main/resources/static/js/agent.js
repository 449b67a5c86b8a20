// The agent desktop: state and pause, the live screen pop (with the caller's open tickets), click-to-dial, recent
// calls with their dispositions and tickets, notices of tickets escalated to the agent, and campaign calls and
// preview dialling (campaign-desk.js).
import { api, el, text, time } from './api.js';
import { connectCti } from './cti.js';
import { addCallButton, addToTicketForm, popTicketForm, ticketLink } from './desk-tickets.js';
import { contactForm } from './contact-form.js';
import { popSuggestions } from './kb-suggestions.js';
import {
  awaitsDisposition, campaignCall, campaignSection, disposedAs, lookUpCampaignCall, refreshCampaigns,
} from './campaign-desk.js';

const pops = new Map(); // callId -> pop payload, newest shown
let selectedActivity = null;
let ticketActivity = null;

const CALL_STATE_TEXT = {
  TALKING: 'On the call',
  ENDED: 'Call ended: save the campaign disposition',
};

function renderPop() {
  const box = document.getElementById('pop');
  // the campaign section is kept across renders: give it its focus back if the agent was in it
  const focused = document.activeElement;
  box.replaceChildren();
  const current = [...pops.values()].pop();
  if (!current) {
    box.append(el('p', 'Waiting for a call.', 'muted'));
    return;
  }
  const card = el('article', null, 'pop-card ' + text(current.state || 'ringing').toLowerCase());
  card.dataset.callId = current.callId;
  card.dataset.ringingAt = current.ringingAt;
  const campaign = campaignCall(current.callId);
  const who = current.context.contacts.length > 0 ? current.context.contacts[0].name
    : campaign ? (campaign.lead.name || campaign.lead.number)
      : (current.callerName || current.callerNumber || 'Unknown caller');
  card.append(el('h3', who, 'caller'));
  const waited = current.own ? 'your own call' : `waited ${current.waitSeconds} s`;
  card.append(el('p', `${text(current.callerNumber)} · ${current.queue ? 'queue ' + current.queue : text(current.direction).toLowerCase()} · ${waited}`, 'meta'));
  const state = el('p', CALL_STATE_TEXT[current.state] || 'Ringing…', 'call-state');
  card.append(state);
  const section = campaignSection(current.callId, campaignDisposed(current.callId));
  if (section) card.append(section);
  for (const contact of current.context.contacts) {
    const section = el('section', null, 'contact');
    section.append(el('h4', contact.name));
    if (contact.account) section.append(el('p', contact.account.name, 'account'));
    if (contact.email) section.append(el('p', contact.email));
    if (contact.tags && contact.tags.length) section.append(el('p', 'Tags: ' + contact.tags.join(', '), 'tags'));
    if (contact.notes) section.append(el('p', contact.notes, 'notes'));
    card.append(section);
  }
  if (current.context.contacts.length > 1) {
    card.append(el('p', `${current.context.contacts.length} contacts share this number: pick the right one when closing the call.`, 'note'));
  }
  const history = current.context.recentActivities || [];
  if (history.length) {
    const list = el('ul', null, 'history');
    for (const item of history) list.append(el('li', `${time(item.at)} ${item.kind.replace('_', ' ').toLowerCase()}: ${item.summary}`));
    card.append(el('h4', 'Recent calls'), list);
  }
  const tickets = current.context.sections && current.context.sections.openTickets;
  if (tickets && tickets.length) card.append(el('h4', 'Open tickets'), openTicketList(tickets, current.callId));
  if (!campaign && !current.own) card.append(popSuggestions(current));
  if (!campaign) card.append(popTicketForm(current, current.context.contacts[0]));
  if (current.newContact && !campaign) card.append(newContactForm(current.newContact));
  box.append(card);
  if (focused && card.contains(focused)) focused.focus();
}

/**
 * Looks up whether a call is a campaign call and re-renders once known. A popped call gets the campaign section (an
 * ended non-campaign pop goes); the agent's own call (a preview dial, which rings the agent's phone first and so pops
 * nothing) gets a call card made from the lead.
 */
function lookUpCampaign(callId, own) {
  lookUpCampaignCall(callId, () => own || pops.has(callId), () => {
    const pop = pops.get(callId);
    const campaign = campaignCall(callId);
    if (own && campaign && !pop) {
      pops.set(callId, ownCallCard(callId, campaign));
    } else if (pop && pop.state === 'ENDED' && !awaitsDisposition(callId)) {
      pops.delete(callId);
    }
    renderPop();
    if (campaign) refreshCalls(); // its recent-calls row points to the pop instead of "Close call"
  });
}

/** A call card shaped like a pop for a campaign call the agent dialled: the lead is the customer. */
function ownCallCard(callId, campaign) {
  return {
    callId, own: true, state: 'TALKING', ringingAt: new Date().toISOString(), direction: 'OUTBOUND',
    callerNumber: campaign.lead.number, callerName: campaign.lead.name, queue: null, waitSeconds: 0,
    context: { contacts: [], recentActivities: [] },
  };
}

/**
 * After a campaign disposition: an ended call's card has done its job and goes a moment later, as does the card of
 * the agent's own call (no end is reported for it to the desktop).
 */
function campaignDisposed(callId) {
  return () => {
    refreshCalls();
    const pop = pops.get(callId);
    if (pop && (pop.state === 'ENDED' || pop.own)) {
      setTimeout(() => { pops.delete(callId); renderPop(); }, 4000);
    }
  };
}

/** The caller's active tickets (OpenTicket records): subject, status, priority, tier, who has it, SLA time left. */
function openTicketList(tickets, callId) {
  const list = el('ul', null, 'tickets');
  for (const ticket of tickets) {
    const item = el('li', null, 'ticket');
    item.dataset.ticketId = ticket.id;
    const subject = el('strong', null, 'subject');
    subject.append(ticketLink(ticket.id, `#${ticket.id} ${text(ticket.subject)}`));
    item.append(subject);
    const owner = ticket.assigneeName ? `with ${ticket.assigneeName}` : 'in the queue';
    item.append(el('span', ` ${words(ticket.status)} · ${words(ticket.priority)} · ${text(ticket.tier)} ${owner}`, 'meta'));
    const deadline = ticket.nextDeadline;
    if (deadline) {
      const clock = el('span', ' · ' + timeLeft(deadline), 'sla');
      if (deadline.overdue) clock.classList.add('overdue');
      item.append(clock);
    }
    item.append(addCallButton(ticket, callId));
    item.append(escalation(ticket, callId));
    list.append(item);
  }
  return list;
}

/**
 * "Escalate" on a ticket in the pop: the reason, then the ticket goes to the next tier. Kept per call and ticket, so
 * the pop's re-renders (ringing, talking, ended) keep what the agent typed.
 */
const escalations = new Map();

function escalation(ticket, callId) {
  const key = `${callId}:${ticket.id}`;
  for (const old of escalations.keys()) if (!old.startsWith(`${callId}:`)) escalations.delete(old);
  if (escalations.has(key)) return escalations.get(key);
  const box = el('details', null, 'escalate');
  box.append(el('summary', 'Escalate'));
  const form = el('form', null, 'escalate-form');
  const label = el('label', 'Why');
  const reason = el('input', null, 'escalate-reason');
  reason.required = true;
  reason.maxLength = 2000;
  label.append(reason);
  const send = el('button', 'Escalate to the next tier', 'escalate-send');
  send.type = 'submit';
  const result = el('span', null, 'escalate-result');
  result.setAttribute('role', 'status');
  form.append(label, send, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.textContent = '';
    try {
      const moved = await api('POST', `/api/v1/tickets/${ticket.id}/escalations`, { reason: reason.value });
      result.textContent = `Escalated to ${text(moved.tier)}.`;
      send.disabled = true;
    } catch (error) {
      result.textContent = error.message;
      result.classList.add('error');
    }
  });
  box.append(form);
  escalations.set(key, box);
  return box;
}

function words(value) {
  return text(value).replaceAll('_', ' ').toLowerCase();
}

/** An SLA clock as the agent reads it: "3 h 10 min to first response", "overdue by 20 min", "paused". */
function timeLeft(deadline) {
  const seconds = isoSeconds(deadline.left);
  const target = words(deadline.kind);
  const span = duration(Math.abs(seconds));
  if (deadline.paused) return `${target} paused (${span} left)`;
  return seconds > 0 ? `${span} to ${target}` : `${target} overdue by ${span}`;
}

/** Seconds of an ISO-8601 duration as Java writes it ("PT3H59M12.5S", "PT-1H-30M"); a number is seconds already. */
function isoSeconds(value) {
  if (typeof value === 'number') return value;
  const match = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(text(value));
  if (!match) return 0;
  const [, negative, days, hours, minutes, secs] = match;
  const total = Number(days || 0) * 86400 + Number(hours || 0) * 3600 + Number(minutes || 0) * 60 + Number(secs || 0);
  return negative ? -total : total;
}

function duration(seconds) {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** An unknown caller's pop offers the contact card's own form, with the number filled in. */
function newContactForm(offer) {
  const box = el('section', null, 'new-contact');
  box.append(el('h4', 'Unknown caller: create the contact'));
  box.append(contactForm({
    prefix: 'new-contact',
    prefill: { name: offer.name, phone: offer.phone },
    onSaved: created => {
      const link = el('a', `Open ${created.name}'s card`);
      link.href = `/contacts/${created.id}`;
      box.append(link);
    },
  }));
  return box;
}

let wrapUpCheck = null;

async function refreshState() {
  const list = document.getElementById('my-queues');
  clearTimeout(wrapUpCheck);
  try {
    const states = await api('GET', '/api/v1/agents/me');
    // the end of a wrap-up is no event from the PBX: look again until it is over
    if (states.some(state => state.state === 'WRAP_UP')) wrapUpCheck = setTimeout(refreshState, 2000);
    list.replaceChildren();
    if (!states.length) list.append(el('li', 'Not logged in to a queue', 'muted'));
    for (const state of states) {
      // an agent's queues are all on their own PBX: 'b:support' is support to them
      const item = el('li', `${state.queue.slice(state.queue.indexOf(':') + 1)}: ${state.state}${state.pausedReason ? ' (' + state.pausedReason + ')' : ''}`, 'state-' + state.state.toLowerCase());
      list.append(item);
    }
  } catch (error) {
    list.replaceChildren(el('li', error.message, 'error'));
  }
}

/** The call's way through queues and agents: "support 1001 → sales 1004" after a transfer. */
function pathCell(path) {
  // the agent's calls are on their own PBX: 'b:support' is support to them, as in the queue choice
  const bare = name => name && name.slice(name.indexOf(':') + 1);
  const legs = (path || []).map(leg => [bare(leg.queue), bare(leg.agentExtension)].filter(Boolean).join(' '));
  const cell = el('td', legs.join(' → '), 'path');
  if (legs.length > 1) cell.setAttribute('aria-label', `transferred: ${legs.join(', then ')}`);
  return cell;
}

async function refreshCalls() {
  const body = document.querySelector('#calls tbody');
  try {
    const me = document.body.dataset.username;
    const page = await api('GET', `/api/v1/activities?agent=${encodeURIComponent(me)}&size=10`);
    body.replaceChildren();
    for (const activity of page.items) {
      const row = el('tr');
      row.dataset.activityId = activity.id;
      row.append(el('td', time(activity.startedAt)), el('td', activity.callerNumber), el('td', activity.contactName || ''),
        el('td', activity.outcome.toLowerCase()), el('td', activity.talkSeconds + ' s'), pathCell(activity.path));
      const cell = el('td');
      const campaignDisposition = disposedAs(activity.callId);
      if (activity.disposition) {
        cell.textContent = activity.disposition;
      } else if (campaignDisposition) {
        cell.textContent = 'Campaign: ' + campaignDisposition;
      } else if (campaignCall(activity.callId)) {
        // the campaign disposition drives the lead: it is on the pop, not a second form here
        cell.append(el('span', 'Campaign call: dispose it on the pop', 'note'));
      } else {
        const button = el('button', 'Close call', 'close-call');
        button.type = 'button';
        button.addEventListener('click', () => selectActivity(activity));
        cell.append(button);
      }
      row.append(cell);
      const ticketCell = el('td');
      const open = el('button', 'Open ticket', 'open-ticket');
      open.type = 'button';
      open.setAttribute('aria-label', `Open a ticket about the call from ${activity.callerNumber} at ${time(activity.startedAt)}`);
      open.addEventListener('click', () => selectTicketCall(activity));
      ticketCell.append(open, addToTicketForm(activity));
      row.append(ticketCell);
      body.append(row);
    }
  } catch (error) {
    body.replaceChildren(el('tr', error.message, 'error'));
  }
}

function selectActivity(activity) {
  selectedActivity = activity;
  const form = document.getElementById('disposition-form');
  form.hidden = false;
  document.getElementById('disposition-call').textContent = `${activity.callerNumber} at ${time(activity.startedAt)}`;
  document.getElementById('disposition-result').textContent = '';
  document.getElementById('disposition-code').focus();
}

function selectTicketCall(activity) {
  ticketActivity = activity;
  const form = document.getElementById('ticket-form');
  form.hidden = false;
  document.getElementById('ticket-call').textContent = `${activity.callerNumber} at ${time(activity.startedAt)}`;
  document.getElementById('ticket-result').textContent = '';
  document.getElementById('ticket-subject').focus();
}

document.getElementById('ticket-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (!ticketActivity) return;
  const result = document.getElementById('ticket-result');
  const subject = document.getElementById('ticket-subject');
  try {
    const ticket = await api('POST', `/api/v1/activities/${ticketActivity.id}/ticket`, {
      subject: subject.value.trim() || null,
      priority: document.getElementById('ticket-priority').value,
    });
    const owner = ticket.assigneeName ? `assigned to ${ticket.assigneeName}` : 'in its queue';
    result.replaceChildren(ticketLink(ticket.id, `Ticket #${ticket.id}`), ` opened in ${ticket.tier}, ${owner}.`);
    subject.value = '';
    ticketActivity = null;
  } catch (error) {
    result.textContent = error.message;
  }
});

document.getElementById('ticket-cancel').addEventListener('click', () => {
  ticketActivity = null;
  document.getElementById('ticket-form').hidden = true;
});

const ESCALATED_BECAUSE = {
  ASSIGNEE: 'it is yours now',
  TIER_MEMBER: "it waits in your tier's queue",
  SUPERVISOR: "it is in your team's tier",
};

/** A ticketEscalated message: a notice that stays until dismissed (button or Escape), read out by screen readers. */
function showEscalation(escalated) {
  const notices = document.getElementById('notices');
  const notice = el('div', null, 'notice ' + text(escalated.kind).toLowerCase());
  notice.dataset.ticketId = escalated.ticket;
  const moved = escalated.fromTier === escalated.toTier
    ? `is past its SLA in ${escalated.toTier}`
    : `escalated from ${escalated.fromTier} to ${escalated.toTier}`;
  const why = ESCALATED_BECAUSE[escalated.role] || '';
  notice.append(el('p', `Ticket #${escalated.ticket} “${text(escalated.subject)}” (${words(escalated.priority)}) ${moved}${why ? ': ' + why : ''}.`));
  if (escalated.reason) notice.append(el('p', 'Reason: ' + escalated.reason, 'note'));
  const dismiss = el('button', 'Dismiss', 'small');
  dismiss.type = 'button';
  dismiss.addEventListener('click', () => notice.remove());
  notice.addEventListener('keydown', event => { if (event.key === 'Escape') notice.remove(); });
  notice.append(dismiss);
  notices.append(notice);
}

document.getElementById('disposition-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (!selectedActivity) return;
  const result = document.getElementById('disposition-result');
  try {
    await api('PUT', `/api/v1/activities/${selectedActivity.id}/disposition`, {
      code: document.getElementById('disposition-code').value,
      notes: document.getElementById('disposition-notes').value,
      version: selectedActivity.version,
    });
    result.textContent = 'Saved.';
    document.getElementById('disposition-notes').value = '';
    selectedActivity = null;
    document.getElementById('disposition-form').hidden = true;
    refreshCalls();
  } catch (error) {
    result.textContent = error.message;
  }
});

/** The PBX a queue is on: 'b:support' is on b, a bare name on the PBX 'default' (PbxName on the server). */
const pbxOf = queue => queue.indexOf(':') > 0 ? queue.slice(0, queue.indexOf(':')) : 'default';

/**
 * The queues offered to log in to: those the agent's team works (set by an admin on the team), or every queue
 * Switchboard knows from the PBX when the team has none set; either way only the queues of the agent's own PBX
 * (an agent on PBX b can only be a member of b's queues). Each is shown by its name on that PBX ('support'), with
 * an admin's display name when one is set.
 */
async function loadQueueChoices() {
  const select = document.getElementById('queue-choice');
  const main = document.querySelector('main');
  const mine = queue => pbxOf(queue) === (main.dataset.pbx || 'default');
  const teamQueues = (main.dataset.teamQueues || '').split(',').filter(Boolean).filter(mine);
  try {
    const known = (await api('GET', '/api/v1/queues')).filter(queue => mine(queue.name));
    const label = new Map(known.map(queue => [queue.name, queue.displayName || queue.name]));
    const names = teamQueues.length ? teamQueues : known.map(queue => queue.name);
    select.replaceChildren(...names.map(name => {
      const bare = name.slice(name.indexOf(':') + 1);
      const shown = label.get(name);
      const named = shown && shown !== name && shown !== `${bare} (${pbxOf(name)})`; // an admin's display name
      const option = el('option', named ? `${shown} (${bare})` : bare);
      option.value = name;
      return option;
    }));
  } catch (error) {
    document.getElementById('queue-result').textContent = error.message;
  }
}

/** Logs the agent in to or out of the chosen queue; the new state arrives on the desktop's socket. */
async function queueCommand(method, verb) {
  const select = document.getElementById('queue-choice');
  const queue = select.value;
  const result = document.getElementById('queue-result');
  if (!queue) return;
  try {
    await api(method, `/api/v1/agents/me/queues/${encodeURIComponent(queue)}`);
    result.textContent = `${verb} ${select.selectedOptions[0].textContent}.`;
    refreshState();
  } catch (error) {
    result.textContent = error.message;
  }
}

document.getElementById('queue-login-form').addEventListener('submit', event => {
  event.preventDefault();
  queueCommand('POST', 'Logged in to');
});
document.getElementById('queue-logout').addEventListener('click', () => queueCommand('DELETE', 'Logged out of'));

document.getElementById('pause-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    await api('POST', '/api/v1/agents/me/pause', { reason: document.getElementById('pause-reason').value });
  } catch (error) {
    alert(error.message);
  }
});

document.getElementById('resume').addEventListener('click', async () => {
  try {
    await api('POST', '/api/v1/agents/me/resume');
  } catch (error) {
    alert(error.message);
  }
});

document.getElementById('dial-form').addEventListener('submit', async event => {
  event.preventDefault();
  const result = document.getElementById('dial-result');
  try {
    const dialled = await api('POST', '/api/v1/calls', { number: document.getElementById('dial-number').value });
    result.textContent = `Your phone (${dialled.extension}) rings; pick up to call ${dialled.number}.`;
  } catch (error) {
    result.textContent = error.message;
  }
});

connectCti({
  screenPop: pop => { pops.set(pop.callId, pop); renderPop(); lookUpCampaign(pop.callId, false); },
  popWithdrawn: withdrawn => { pops.delete(withdrawn.callId); renderPop(); },
  callUpdate: update => {
    const pop = pops.get(update.callId);
    if (update.state === 'ENDED') {
      if (pop && awaitsDisposition(update.callId)) {
        pop.state = 'ENDED'; // a campaign call stays for its disposition during wrap-up
      } else {
        pops.delete(update.callId);
      }
      renderPop();
      setTimeout(refreshCalls, 1000); // the activity is written just after the call ends
    } else if (pop) {
      pop.state = update.state;
      renderPop();
    } else if (update.state === 'TALKING') {
      lookUpCampaign(update.callId, true); // a call the agent dialled: perhaps a preview campaign call
    }
  },
  agentState: () => refreshState(),
  ticketEscalated: escalated => showEscalation(escalated),
});

loadQueueChoices();
refreshState();
refreshCalls();
refreshCampaigns();
setInterval(refreshCalls, 15000);
setInterval(refreshCampaigns, 60000);
