// The agent's side of outbound campaigns on the desktop: which calls are campaign calls (the lead and the campaign's
// disposition form on the pop), and the campaigns card with preview dialling (take the next lead, look, dial).
import { api, el, text } from './api.js';

/** How long after the pop to keep asking whether a call is a campaign call: its tags may arrive just after the ring. */
const LOOKUP_RETRIES_MS = [400, 600, 800, 1000, 1500, 2000];

/**
 * Campaign calls by PBX call id: { state: 'pending' | 'campaign' | 'none', view, section, disposed }. The section is
 * built once per call and kept, so re-rendering the pop (ringing, talking, ended) keeps what the agent chose.
 */
const calls = new Map();

/**
 * Looks up whether a call is a campaign call, asking again a few times briefly on 404 while {@code stillWanted()}.
 * Calls {@code changed()} once the answer is known.
 */
export function lookUpCampaignCall(callId, stillWanted, changed) {
  if (calls.has(callId)) return;
  const entry = { state: 'pending', view: null, section: null, disposed: null };
  calls.set(callId, entry);
  let tries = 0;
  const ask = async () => {
    try {
      entry.view = await api('GET', `/api/v1/campaign-calls/${encodeURIComponent(callId)}`);
      entry.state = 'campaign';
    } catch (error) {
      if (error.status === 404 && tries < LOOKUP_RETRIES_MS.length && stillWanted()) {
        setTimeout(ask, LOOKUP_RETRIES_MS[tries++]);
        return;
      }
      entry.state = 'none';
    }
    changed();
  };
  ask();
}

/** The campaign call's view once it is known to be one; otherwise null. */
export function campaignCall(callId) {
  const entry = calls.get(callId);
  return entry && entry.state === 'campaign' ? entry.view : null;
}

/** Whether an ended call's pop should stay: a campaign call (or one still being looked up) not disposed yet. */
export function awaitsDisposition(callId) {
  const entry = calls.get(callId);
  return Boolean(entry) && entry.state !== 'none' && !entry.disposed;
}

/** The label of the campaign disposition saved for this call from this page, or null. */
export function disposedAs(callId) {
  const entry = calls.get(callId);
  return entry ? entry.disposed : null;
}

/** The pop's campaign section for a campaign call (built once), or null for any other call. */
export function campaignSection(callId, onDisposed) {
  const entry = calls.get(callId);
  if (!entry || entry.state !== 'campaign') return null;
  if (!entry.section) entry.section = buildSection(entry, onDisposed);
  return entry.section;
}

function buildSection(entry, onDisposed) {
  const view = entry.view;
  const lead = view.lead;
  const section = el('section', null, 'campaign');
  section.dataset.campaignId = view.campaignId;
  section.dataset.attemptId = view.attemptId;
  section.append(el('h4', 'Campaign: ' + text(view.campaign)));
  section.append(leadDetails(lead.name, lead.number, lead.timezone, lead.data));
  if (lead.attempts > 1 || lead.lastOutcome) {
    section.append(el('p', `Attempt ${lead.attempts}${lead.lastOutcome ? ', last outcome ' + words(lead.lastOutcome) : ''}`, 'note'));
  }
  section.append(dispositionForm(entry, onDisposed));
  return section;
}

/** Name, number, the lead's local time in its time zone, and the list's extra columns. */
function leadDetails(name, number, timezone, data) {
  const box = el('div', null, 'lead');
  box.append(el('p', `${text(name) || 'Unnamed lead'} · ${text(number)}`, 'lead-who'));
  if (timezone) box.append(el('p', `Local time ${localTime(timezone)} (${timezone})`, 'lead-time'));
  const fields = Object.entries(data || {});
  if (fields.length) {
    const list = el('dl', null, 'lead-data');
    for (const [key, value] of fields) list.append(el('dt', key), el('dd', value));
    box.append(list);
  }
  return box;
}

function localTime(timezone) {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit' })
      .format(new Date());
  } catch (error) {
    return 'unknown'; // a time zone the browser does not know
  }
}

function words(value) {
  return text(value).replaceAll('_', ' ').toLowerCase();
}

/** The campaign's dispositions; a callback also asks when, and whether only this agent should get it. */
function dispositionForm(entry, onDisposed) {
  const view = entry.view;
  const form = el('form', null, 'campaign-disposition');
  const fields = el('fieldset');
  fields.append(el('legend', 'Campaign disposition'));
  const code = el('select', null, 'campaign-disposition-code');
  code.required = true;
  const choose = el('option', 'Choose…');
  choose.value = '';
  code.append(choose);
  for (const disposition of view.dispositions) {
    const option = el('option', disposition.label);
    option.value = disposition.code;
    option.dataset.action = disposition.action;
    code.append(option);
  }
  const codeLabel = el('label', 'Outcome ');
  codeLabel.append(code);

  const callback = el('div', null, 'callback');
  callback.hidden = true;
  const at = el('input', null, 'campaign-callback-at');
  at.type = 'datetime-local';
  const atLabel = el('label', 'Call back at ');
  atLabel.append(at);
  const personal = el('input', null, 'campaign-callback-personal');
  personal.type = 'checkbox';
  const personalLabel = el('label', null, 'check');
  personalLabel.append(personal, document.createTextNode(' Only me'));
  callback.append(atLabel, personalLabel);

  const save = el('button', 'Save', 'campaign-disposition-save');
  save.type = 'submit';
  const result = el('p', '', 'note campaign-disposition-result');
  result.setAttribute('role', 'status');
  fields.append(codeLabel, callback, save);
  form.append(fields, result);

  code.addEventListener('change', () => {
    const isCallback = code.selectedOptions[0] && code.selectedOptions[0].dataset.action === 'CALLBACK';
    callback.hidden = !isCallback;
    at.required = isCallback;
    if (isCallback && !at.value) at.value = localInputValue(new Date(Date.now() + 24 * 3600 * 1000));
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = code.selectedOptions[0];
    const isCallback = chosen.dataset.action === 'CALLBACK';
    result.classList.remove('error');
    try {
      await api('POST', `/api/v1/campaign-attempts/${view.attemptId}/disposition`, {
        code: code.value,
        callbackAt: isCallback && at.value ? new Date(at.value).toISOString() : null,
        personal: isCallback && personal.checked,
      });
      entry.disposed = chosen.textContent;
      result.textContent = `Saved: ${chosen.textContent}.`;
      fields.disabled = true;
      onDisposed();
    } catch (error) {
      result.textContent = error.message;
      result.classList.add('error');
      if (error.status === 409) {
        entry.disposed = 'disposed already';
        fields.disabled = true;
        onDisposed();
      }
    }
  });
  return form;
}

/** A date as a datetime-local input wants it: local time, to the minute. */
function localInputValue(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The campaigns card: the agent's running campaigns; preview campaigns offer their next lead to look at and dial. */
export async function refreshCampaigns() {
  const list = document.getElementById('my-campaigns');
  try {
    const running = (await api('GET', '/api/v1/campaigns')).filter(campaign => campaign.status === 'RUNNING');
    list.replaceChildren();
    if (!running.length) list.append(el('li', 'No running campaigns.', 'muted'));
    for (const campaign of running) {
      const item = el('li', null, 'campaign-item');
      item.dataset.campaignId = campaign.id;
      item.append(el('strong', campaign.name), el('span', ` ${words(campaign.dialMode)} · queue ${text(campaign.queue)} `, 'meta'));
      if (campaign.dialMode === 'PREVIEW') {
        const next = el('button', 'Next lead', 'small next-lead');
        next.type = 'button';
        next.setAttribute('aria-label', `Next lead of ${campaign.name}`);
        next.addEventListener('click', () => previewNext(campaign));
        item.append(next);
      }
      list.append(item);
    }
  } catch (error) {
    list.replaceChildren(el('li', error.message, 'error'));
  }
}

async function previewNext(campaign) {
  const box = document.getElementById('preview');
  // "Next lead" while an undialled lead is shown skips it: the server gives it back (due again later, for anyone);
  // without a skip it would offer the same lead again (it stays hers until dialled, see the README)
  const shown = box.querySelector('.preview-lead:not(.dialled)');
  const skip = shown ? `?skip=${encodeURIComponent(shown.dataset.attemptId)}` : '';
  box.replaceChildren(el('p', 'Taking the next lead…', 'note'));
  let lead;
  try {
    lead = await api('POST', `/api/v1/campaigns/${campaign.id}/preview${skip}`);
  } catch (error) {
    box.replaceChildren(el('p', error.message, 'error'));
    return;
  }
  if (!lead) {
    box.replaceChildren(el('p', `No lead is due now in ${campaign.name}.`, 'note no-lead'));
    return;
  }
  const card = el('article', null, 'preview-lead');
  card.dataset.attemptId = lead.attemptId;
  card.append(el('h3', text(lead.name) || text(lead.number), 'lead-name'));
  if (lead.callback) card.append(el('p', 'A callback that was arranged', 'note'));
  card.append(leadDetails(lead.name, lead.number, lead.timezone, lead.data));
  const dial = el('button', 'Dial', 'dial-lead');
  dial.type = 'button';
  dial.setAttribute('aria-label', `Dial ${text(lead.name) || ''} ${text(lead.number)}`.replace(/\s+/g, ' '));
  const result = el('p', '', 'note dial-lead-result');
  result.setAttribute('role', 'status');
  dial.addEventListener('click', async () => {
    dial.disabled = true;
    try {
      await api('POST', `/api/v1/campaign-attempts/${lead.attemptId}/dial`);
      card.classList.add('dialled');
      result.textContent = `Dialling… your phone rings first, then ${text(lead.number)}.`;
    } catch (error) {
      result.textContent = error.message;
      result.classList.add('error');
      dial.disabled = false;
    }
  });
  card.append(dial, result);
  box.replaceChildren(el('p', campaign.name, 'meta'), card);
  dial.focus();
}
