// The admin's users page: search and page through users, create and edit one, reset a password, deactivate or
// reactivate, import a CSV file with its row report, export.
import { api, el, upload } from './api.js';

const size = 25;
let page = 0;
let editing = null; // the username being edited; null for a new user

const form = document.getElementById('user-form');
const error = document.getElementById('user-error');
const saved = document.getElementById('user-saved');
const field = id => document.getElementById(id);
// shown only with several PBXes: which one the extension is on (1001 on PBX a and on PBX b are two phones)
const pbxField = field('user-pbx');
const extensionOf = user => !user.extension ? '' : user.pbx ? `${user.extension} (${user.pbx})` : user.extension;

async function loadTeams() {
  const teams = await api('GET', '/api/v1/teams');
  const options = [el('option', '(none)')];
  options[0].value = '';
  teams.forEach(team => { const option = el('option', team.name); option.value = team.name; options.push(option); });
  field('user-team').replaceChildren(...options);
}

async function refresh() {
  const q = field('search').value;
  const result = await api('GET', `/api/v1/users?size=${size}&page=${page}&q=${encodeURIComponent(q)}`);
  const rows = result.items.map(user => {
    const row = el('tr', null, user.active ? '' : 'inactive');
    row.dataset.username = user.username;
    row.tabIndex = 0;
    const open = () => edit(user);
    row.addEventListener('click', open);
    row.addEventListener('keydown', event => { if (event.key === 'Enter') open(); });
    row.append(el('td', user.username), el('td', user.displayName), el('td', user.role), el('td', user.team || ''),
      el('td', extensionOf(user)), el('td', user.email || ''),
      el('td', (user.active ? 'active' : 'deactivated') + (user.mustChangePassword ? ', must change password' : '')));
    return row;
  });
  document.querySelector('#user-list tbody').replaceChildren(...rows);
  field('page-info').textContent = `page ${result.page + 1} of ${Math.max(1, result.totalPages)} (${result.totalItems} users)`;
  field('previous').disabled = page === 0;
  field('next').disabled = page + 1 >= result.totalPages;
}

function edit(user) {
  editing = user ? user.username : null;
  error.textContent = '';
  field('edit-title').textContent = user ? `Edit ${user.username}` : 'New user';
  field('user-username').value = user ? user.username : '';
  field('user-username').readOnly = !!user;
  field('user-name').value = user ? user.displayName : '';
  field('user-role').value = user ? user.role : 'AGENT';
  field('user-team').value = user && user.team ? user.team : '';
  field('user-extension').value = user && user.extension ? user.extension : '';
  if (pbxField) pbxField.value = user && user.pbx ? user.pbx : pbxField.options[0].value;
  field('user-email').value = user && user.email ? user.email : '';
  field('user-active').checked = user ? user.active : true;
  field('user-password').value = '';
  const toggle = field('toggle-active');
  toggle.hidden = !user;
  toggle.textContent = user && user.active ? 'Deactivate' : 'Reactivate';
  (user ? field('user-name') : field('user-username')).focus();
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  error.textContent = '';
  saved.textContent = '';
  const body = {
    username: field('user-username').value, displayName: field('user-name').value, role: field('user-role').value,
    team: field('user-team').value || null, extension: field('user-extension').value || null,
    email: field('user-email').value || null, active: field('user-active').checked,
  };
  if (pbxField) body.pbx = pbxField.value;
  try {
    const user = editing
      ? await api('PUT', `/api/v1/users/${encodeURIComponent(editing)}`, body)
      : await api('POST', '/api/v1/users', body);
    const password = field('user-password').value;
    if (password) await api('POST', `/api/v1/users/${encodeURIComponent(user.username)}/password`, { password });
    saved.textContent = `Saved ${user.username}.`;
    edit(await api('GET', `/api/v1/users/${encodeURIComponent(user.username)}`));
    await refresh();
  } catch (e) {
    error.textContent = e.message;
  }
});

field('toggle-active').addEventListener('click', async () => {
  if (!editing) return;
  error.textContent = '';
  const action = field('toggle-active').textContent === 'Deactivate' ? 'deactivate' : 'reactivate';
  try {
    edit(await api('POST', `/api/v1/users/${encodeURIComponent(editing)}/${action}`));
    saved.textContent = action === 'deactivate'
      ? 'Deactivated: their sessions are closed and their scheduled report mails stop.'
      : 'Reactivated: their scheduled report mails go out again.';
    await refresh();
  } catch (e) {
    error.textContent = e.message;
  }
});

field('new-user').addEventListener('click', () => edit(null));
field('search-form').addEventListener('submit', event => { event.preventDefault(); page = 0; refresh().catch(e => { error.textContent = e.message; }); });
field('previous').addEventListener('click', () => { page = Math.max(0, page - 1); refresh().catch(() => {}); });
field('next').addEventListener('click', () => { page += 1; refresh().catch(() => {}); });

field('import-form').addEventListener('submit', async event => {
  event.preventDefault();
  const box = field('import-report');
  try {
    const report = await upload('/api/v1/users/import', new FormData(event.target));
    const summary = el('p', `${report.created} created, ${report.rejected} rejected of ${report.rows} rows (${report.encoding}, delimiter "${report.delimiter}").`);
    const list = el('ul');
    report.rejections.forEach(rejection => list.append(el('li', `line ${rejection.row}: ${rejection.reason}`)));
    box.replaceChildren(summary, list);
    await refresh();
  } catch (e) {
    box.replaceChildren(el('p', e.message, 'error'));
  }
});

Promise.all([loadTeams(), refresh()]).catch(e => { error.textContent = e.message; });
