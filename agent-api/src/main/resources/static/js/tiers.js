// The admin's tiers page: create, rename, reorder, SLA policy, deactivate or delete a tier, and its members.
import { api, el } from './api.js';

const field = id => document.getElementById(id);
const listError = field('tier-list-error');
const status = field('tier-status');
let editing = null; // the tier being edited; null for a new one

const hours = duration => {
  // ISO-8601 durations from the API (PT4H, PT1H30M, PT90M, P2DT4H) as hours
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration || '');
  if (!match) return '';
  const [, d, h, m, s] = match.map(v => Number(v || 0));
  return d * 24 + h + m / 60 + s / 3600;
};
const duration = value => value === '' ? null : `PT${Math.round(Number(value) * 60)}M`;

function button(label, description, action) {
  const b = el('button', label, 'secondary');
  b.type = 'button';
  b.setAttribute('aria-label', description);
  b.addEventListener('click', async () => {
    listError.textContent = '';
    try { await action(); await refresh(); } catch (e) { listError.textContent = e.message; }
  });
  return b;
}

function slaText(sla) {
  if (!sla) return 'by priority';
  const parts = [`first response ${hours(sla.firstResponse)} h`];
  if (sla.nextUpdate) parts.push(`next update ${hours(sla.nextUpdate)} h`);
  parts.push(`resolution ${hours(sla.resolution)} h (${sla.calendar})`);
  return parts.join(', ');
}

function membersCell(tier) {
  const cell = el('td');
  const list = el('ul', null, 'members');
  tier.members.forEach(member => {
    const item = el('li', `${member.displayName} (${member.username}) `);
    item.append(button('Remove', `Remove ${member.username} from ${tier.name}`,
      () => api('DELETE', `/api/v1/tiers/${encodeURIComponent(tier.name)}/members/${encodeURIComponent(member.username)}`)));
    list.append(item);
  });
  const form = el('form', null, 'inline');
  const input = el('input');
  input.name = 'username';
  input.required = true;
  input.setAttribute('aria-label', `Username to add to ${tier.name}`);
  const add = el('button', 'Add member', 'secondary');
  add.type = 'submit';
  form.append(input, add);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    listError.textContent = '';
    try {
      await api('POST', `/api/v1/tiers/${encodeURIComponent(tier.name)}/members/${encodeURIComponent(input.value.trim())}`);
      status.textContent = `Added ${input.value.trim()} to ${tier.name}.`;
      await refresh();
      const again = document.querySelector(`#tier-list tr[data-tier="${CSS.escape(tier.name)}"] input[name=username]`);
      if (again) again.focus();
    } catch (e) { listError.textContent = e.message; }
  });
  cell.append(list, form);
  return cell;
}

async function refresh() {
  const tiers = await api('GET', '/api/v1/tiers');
  const rows = tiers.map((tier, index) => {
    const row = el('tr', null, tier.active ? '' : 'inactive');
    row.dataset.tier = tier.name;
    const actions = el('td');
    const path = `/api/v1/tiers/${encodeURIComponent(tier.name)}`;
    actions.append(button('Edit', `Edit ${tier.name}`, async () => open(tier)));
    if (index > 0) actions.append(button('Up', `Move ${tier.name} up`, () => api('PUT', `${path}/level`, { level: tier.level - 1 })));
    if (index < tiers.length - 1) actions.append(button('Down', `Move ${tier.name} down`, () => api('PUT', `${path}/level`, { level: tier.level + 1 })));
    actions.append(button('Delete', `Delete ${tier.name}`, async () => {
      if (window.confirm(`Delete the tier ${tier.name}?`)) await api('DELETE', path);
    }));
    row.append(el('td', tier.level), el('td', tier.name + (tier.active ? '' : ' (inactive)')),
      el('td', tier.assignment === 'QUEUE' ? 'queue' : 'least loaded'), el('td', slaText(tier.sla)), el('td', tier.mailbox || ''), membersCell(tier),
      actions);
    return row;
  });
  document.querySelector('#tier-list tbody').replaceChildren(...rows);
}

function open(tier) {
  editing = tier ? tier.name : null;
  field('tier-error').textContent = '';
  field('tier-edit-title').textContent = tier ? `Edit ${tier.name}` : 'New tier';
  field('tier-name').value = tier ? tier.name : '';
  field('tier-assignment').value = tier ? tier.assignment : 'QUEUE';
  field('tier-active').checked = tier ? tier.active : true;
  field('tier-mailbox').value = tier && tier.mailbox ? tier.mailbox : '';
  const sla = tier && tier.sla;
  field('tier-first').value = sla ? hours(sla.firstResponse) : '';
  field('tier-next').value = sla && sla.nextUpdate ? hours(sla.nextUpdate) : '';
  field('tier-resolution').value = sla ? hours(sla.resolution) : '';
  field('tier-calendar').value = sla ? sla.calendar : 'default';
  field('tier-name').focus();
}

async function loadCalendars() {
  const calendars = await api('GET', '/api/v1/tiers/calendars');
  field('tier-calendar').replaceChildren(...calendars.map(name => { const o = el('option', name); o.value = name; return o; }));
  field('tier-calendar').value = 'default';
}

field('tier-form').addEventListener('submit', async event => {
  event.preventDefault();
  field('tier-error').textContent = '';
  const first = field('tier-first').value;
  const resolution = field('tier-resolution').value;
  const body = {
    name: field('tier-name').value,
    assignment: field('tier-assignment').value,
    active: field('tier-active').checked,
    mailbox: field('tier-mailbox').value || null,
    sla: first === '' && resolution === '' ? null : {
      firstResponse: duration(first), nextUpdate: duration(field('tier-next').value),
      resolution: duration(resolution), calendar: field('tier-calendar').value,
    },
  };
  try {
    const saved = editing
      ? await api('PUT', `/api/v1/tiers/${encodeURIComponent(editing)}`, body)
      : await api('POST', '/api/v1/tiers', body);
    status.textContent = `Saved tier ${saved.name}.`;
    await refresh();
    open(null);
  } catch (e) {
    field('tier-error').textContent = e.message;
  }
});
field('new-tier').addEventListener('click', () => open(null));

Promise.all([loadCalendars(), refresh()]).catch(e => { listError.textContent = e.message; });
