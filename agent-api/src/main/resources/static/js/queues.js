// The admin's queues page: the PBX's queues with their display name, team, service level and wrap-up.
import { api, el } from './api.js';

const field = id => document.getElementById(id);
const listError = field('queue-list-error');
let editing = null; // the queue being edited

async function loadTeams() {
  const teams = await api('GET', '/api/v1/teams');
  const none = el('option', '(none)');
  none.value = '';
  const options = teams.map(team => { const option = el('option', team.name); option.value = team.name; return option; });
  field('queue-team').replaceChildren(none, ...options);
}

/** The queue as people know it: support with one PBX, support (b) with several (its name is b:support). */
const shown = queue => queue.label || queue.name;

/** A setting of the queue's own, or the default it falls back to (marked as such). */
function setting(own, effective, unit) {
  return own === null || own === undefined ? el('td', `${effective}${unit} (default)`, 'default') : el('td', `${own}${unit}`);
}

async function refresh() {
  const queues = await api('GET', '/api/v1/queue-settings');
  const rows = queues.map(queue => {
    const row = el('tr');
    row.dataset.queue = queue.name;
    const edit = el('button', 'Edit', 'secondary');
    edit.type = 'button';
    edit.setAttribute('aria-label', `Edit queue ${shown(queue)}`);
    edit.addEventListener('click', () => open(queue));
    const actions = el('td');
    actions.append(edit);
    row.append(el('td', shown(queue)), el('td', queue.displayName || ''), el('td', queue.team || ''),
      setting(queue.serviceLevelSeconds, queue.effective.serviceLevelSeconds, ' s'),
      setting(queue.serviceLevelTargetPercent, queue.effective.serviceLevelTargetPercent, ' %'),
      setting(queue.wrapUpSeconds, queue.effective.wrapUpSeconds, ' s'), actions);
    return row;
  });
  document.querySelector('#queue-list tbody').replaceChildren(...rows);
}

function open(queue) {
  editing = queue.name;
  field('queue-error').textContent = '';
  field('queue-edit').hidden = false;
  field('queue-edit-title').textContent = `Edit queue ${shown(queue)}`;
  field('queue-display-name').value = queue.displayName || '';
  field('queue-team').value = queue.team || '';
  const number = (id, own, effective) => {
    field(id).value = own === null || own === undefined ? '' : own;
    field(id).placeholder = `default ${effective}`;
  };
  number('queue-sl-seconds', queue.serviceLevelSeconds, queue.effective.serviceLevelSeconds);
  number('queue-sl-target', queue.serviceLevelTargetPercent, queue.effective.serviceLevelTargetPercent);
  number('queue-wrap-up', queue.wrapUpSeconds, queue.effective.wrapUpSeconds);
  field('queue-display-name').focus();
}

function close() {
  field('queue-edit').hidden = true;
  const button = document.querySelector(`#queue-list tr[data-queue="${CSS.escape(editing)}"] button`);
  editing = null;
  if (button) button.focus();
}

const numberOrNull = id => field(id).value === '' ? null : Number(field(id).value);

field('queue-form').addEventListener('submit', async event => {
  event.preventDefault();
  field('queue-error').textContent = '';
  try {
    const saved = await api('PUT', `/api/v1/queue-settings/${encodeURIComponent(editing)}`, {
      displayName: field('queue-display-name').value,
      team: field('queue-team').value || null,
      serviceLevelSeconds: numberOrNull('queue-sl-seconds'),
      serviceLevelTargetPercent: numberOrNull('queue-sl-target'),
      wrapUpSeconds: numberOrNull('queue-wrap-up'),
    });
    field('queue-saved').textContent = `Saved queue ${shown(saved)}.`;
    await refresh();
    close();
  } catch (e) {
    field('queue-error').textContent = e.message;
  }
});
field('cancel-queue').addEventListener('click', close);
field('queue-form').addEventListener('keydown', event => { if (event.key === 'Escape') close(); });

Promise.all([loadTeams(), refresh()]).catch(e => { listError.textContent = e.message; });
