// The admin's teams page: create, rename, delete an empty team, set the queues each works and the supervisors
// assigned to it (besides its own members with the role Supervisor).
import { api, el } from './api.js';

const error = document.getElementById('team-error');

function button(label, action) {
  const b = el('button', label, 'secondary');
  b.type = 'button';
  b.addEventListener('click', async () => {
    error.textContent = '';
    try { await action(); await refresh(); } catch (e) { error.textContent = e.message; }
  });
  return b;
}

async function refresh() {
  const teams = await api('GET', '/api/v1/teams');
  const rows = teams.map(team => {
    const row = el('tr');
    row.dataset.team = team.name;
    const queues = el('input');
    queues.value = team.queues.join(', ');
    queues.setAttribute('aria-label', `Queues of ${team.name}, comma separated`);
    const queueCell = el('td');
    queueCell.append(queues, button('Save queues', () => api('PUT', `/api/v1/teams/${team.id}/queues`,
      { queues: queues.value.split(',').map(q => q.trim()).filter(Boolean) })));
    const assigned = el('input');
    assigned.value = team.assignedSupervisors.join(', ');
    assigned.setAttribute('aria-label', `Supervisors assigned to ${team.name}, comma separated usernames`);
    const supervisorCell = el('td');
    supervisorCell.append(el('span', team.supervisors.join(', '), 'supervisors'), assigned,
      button('Save supervisors', () => api('PUT', `/api/v1/teams/${team.id}/supervisors`,
        { supervisors: assigned.value.split(',').map(s => s.trim()).filter(Boolean) })));
    const actions = el('td');
    actions.append(
      button('Rename', async () => {
        const name = window.prompt(`New name for ${team.name}`, team.name);
        if (name) await api('PUT', `/api/v1/teams/${team.id}`, { name });
      }),
      button('Delete', () => api('DELETE', `/api/v1/teams/${team.id}`)));
    row.append(el('td', team.name), el('td', team.members), supervisorCell, queueCell, actions);
    return row;
  });
  document.querySelector('#team-list tbody').replaceChildren(...rows);
}

document.getElementById('team-form').addEventListener('submit', async event => {
  event.preventDefault();
  error.textContent = '';
  try {
    await api('POST', '/api/v1/teams', { name: document.getElementById('team-name').value });
    event.target.reset();
    await refresh();
  } catch (e) {
    error.textContent = e.message;
  }
});

refresh().catch(e => { error.textContent = e.message; });
