// Scheduled reports on a report page: subscribe to this page's report with the filter form's current filters (the
// dates left out: a mailed report covers the day or week before it is sent), list and delete one's subscriptions.
import { api, el } from './api.js';

const section = document.getElementById('report-subscriptions');
const report = section.dataset.report;
const filterForm = document.getElementById(section.dataset.filterForm);
const form = document.getElementById('subscription-form');
const frequency = document.getElementById('subscription-frequency');
const weekday = document.getElementById('subscription-weekday');
const error = document.getElementById('subscription-error');
const list = document.querySelector('#subscription-list tbody');

/** The page's filters that a subscription keeps: everything but the date range. */
function currentFilter() {
  const filter = {};
  new FormData(filterForm).forEach((value, key) => {
    if (value && key !== 'from' && key !== 'to') filter[key] = String(value);
  });
  return filter;
}

const when = iso => iso ? new Date(iso).toLocaleString() : '';

function row(subscription) {
  const tr = el('tr');
  tr.dataset.id = subscription.id;
  const schedule = subscription.frequency === 'WEEKLY'
    ? `weekly, ${subscription.weekday.toLowerCase()} ${subscription.at}` : `daily ${subscription.at}`;
  const filters = Object.entries(subscription.filter).map(([key, value]) => `${key}=${value}`).join(', ');
  const remove = el('button', 'Delete', 'secondary');
  remove.type = 'button';
  remove.addEventListener('click', async () => {
    try {
      await api('DELETE', `/api/v1/reports/subscriptions/${subscription.id}`);
      await load();
    } catch (e) {
      error.textContent = e.message;
    }
  });
  const actions = el('td');
  actions.append(remove);
  tr.append(el('td', subscription.report.toLowerCase().replace('_', ' ')), el('td', schedule), el('td', subscription.email),
    el('td', filters), el('td', when(subscription.nextRunAt)),
    el('td', subscription.failures ? `failed ${subscription.failures}x: ${subscription.lastError}` : when(subscription.lastSentAt)),
    actions);
  return tr;
}

async function load() {
  const subscriptions = await api('GET', '/api/v1/reports/subscriptions');
  list.replaceChildren(...subscriptions.map(row));
}

frequency.addEventListener('change', () => { weekday.disabled = frequency.value !== 'weekly'; });

form.addEventListener('submit', async event => {
  event.preventDefault();
  error.textContent = '';
  const values = new FormData(form);
  const body = {
    report, frequency: values.get('frequency'), at: values.get('at'), email: values.get('email'),
    filter: currentFilter(),
  };
  if (body.frequency === 'weekly') body.weekday = weekday.value;
  try {
    await api('POST', '/api/v1/reports/subscriptions', body);
    await load();
  } catch (e) {
    error.textContent = e.message;
  }
});

load().catch(e => { error.textContent = e.message; });
