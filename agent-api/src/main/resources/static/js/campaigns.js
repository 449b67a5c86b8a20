// The campaign manager's page: campaigns, a new campaign, list upload with its row report, start/pause/finish,
// live progress with the pacer's explanation, and the results export.
import { api, el, upload } from './api.js';
import { connectCti } from './cti.js';

let selected = null;
const percent = value => value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;

async function refreshList() {
  const campaigns = await api('GET', '/api/v1/campaigns');
  const rows = campaigns.map(campaign => {
    const row = el('tr', null, campaign.id === selected ? 'selected' : '');
    row.dataset.campaign = campaign.id;
    row.tabIndex = 0;
    const open = () => select(campaign.id);
    row.addEventListener('click', open);
    row.addEventListener('keydown', event => { if (event.key === 'Enter') open(); });
    const name = el('td', campaign.name);
    if (campaign.invalidSettings.length) {
      row.classList.add('invalid');
      name.append(' ', el('span', 'invalid settings', 'error'));
    }
    row.append(name, el('td', campaign.dialMode), el('td', campaign.queue),
      el('td', campaign.status, 'status status-' + campaign.status.toLowerCase()));
    return row;
  });
  document.querySelector('#campaign-list tbody').replaceChildren(...rows);
  showInvalid(campaigns.find(campaign => campaign.id === selected));
}

/** What is wrong with the chosen campaign's stored settings: it cannot start until they are corrected. */
function showInvalid(campaign) {
  const box = document.getElementById('campaign-invalid');
  const invalid = campaign ? campaign.invalidSettings : [];
  box.hidden = !invalid.length;
  box.querySelector('ul').replaceChildren(...invalid.map(setting => {
    const item = el('li', `${setting.field}: ${setting.message}`);
    item.dataset.field = setting.field;
    return item;
  }));
}

async function select(id) {
  selected = id;
  document.getElementById('campaign').hidden = false;
  document.getElementById('import-report').replaceChildren();
  document.getElementById('export').href = `/api/v1/campaigns/${id}/results.csv`;
  await Promise.all([refreshList(), refreshProgress()]);
}

function tile(label, value, className) {
  const box = el('div', null, 'tile ' + (className || ''));
  box.append(el('span', value, 'value'), el('span', label, 'label'));
  return box;
}

async function refreshProgress() {
  if (selected === null) return;
  const progress = await api('GET', `/api/v1/campaigns/${selected}/progress`);
  showProgress(progress);
}

function showProgress(progress) {
  if (progress.campaignId !== selected) return;
  document.getElementById('campaign-title').textContent = progress.name;
  const status = document.getElementById('campaign-status');
  status.textContent = progress.status;
  status.className = 'status status-' + progress.status.toLowerCase();
  document.getElementById('start').disabled = !['DRAFT', 'PAUSED'].includes(progress.status);
  document.getElementById('pause').disabled = progress.status !== 'RUNNING';
  document.getElementById('finish').disabled = progress.status === 'FINISHED';
  const leads = progress.leads, today = progress.today, dialer = progress.dialer;
  const overCap = today.abandonRate !== null && today.abandonRate > progress.abandonCap;
  const tiles = [
    tile('leads', leads.total), tile('dialable now', leads.dialable), tile('done', leads.done),
    tile('calls in progress', dialer ? dialer.callsInProgress : 0),
    tile('answered today', today.answered), tile('abandoned today', today.abandoned),
    tile('abandon rate (cap ' + percent(progress.abandonCap) + ')', percent(today.abandonRate), overCap ? 'bad' : 'good'),
    tile('agents talking', dialer ? dialer.agentsBusy : 0), tile('agents waiting', dialer ? dialer.agentsReady : 0),
    tile('agents paused', dialer ? dialer.agentsPaused : 0),
    tile('completion estimate', progress.completionEstimate ? new Date(progress.completionEstimate).toLocaleString() : '–'),
  ];
  document.getElementById('tiles').replaceChildren(...tiles);
  const decision = dialer && dialer.decision;
  document.getElementById('pacing').textContent = decision
    ? `Pacing: ${decision.reason.replace(/\.?$/, '.')} Dial ratio ${decision.dialRatio.toFixed(2)}, estimated answer rate ${percent(decision.estimatedAnswerRate)}, `
      + `expected free agents ${decision.expectedFreeAgents.toFixed(1)}, abandon rate so far ${percent(decision.abandonRateToday)}.`
    : progress.status === 'RUNNING' ? 'Pacing: waiting for the dialer.' : '';
}

async function act(action) {
  const error = document.getElementById('action-error');
  error.textContent = '';
  try {
    await api('POST', `/api/v1/campaigns/${selected}/${action}`);
    await Promise.all([refreshList(), refreshProgress()]);
  } catch (failure) {
    error.textContent = failure.message;
  }
}

function showImport(report) {
  const box = document.getElementById('import-report');
  const summary = el('p', `${report.state}: ${report.rowsRead} rows read, ${report.imported} imported, `
    + `${report.merged} merged as duplicates, ${report.rejected} rejected.`
    + (report.encoding ? ` Read as ${report.encoding}.` : ''), 'import-summary');
  const parts = [summary];
  if (report.rejectedRows && report.rejectedRows.length) {
    const table = el('table', null, 'rejected');
    table.id = 'rejected-rows';
    const head = el('thead');
    const headRow = el('tr');
    headRow.append(el('th', 'Row'), el('th', 'Values'), el('th', 'Why it was rejected'));
    head.append(headRow);
    const body = el('tbody');
    for (const rejected of report.rejectedRows) {
      const row = el('tr');
      row.append(el('td', rejected.row), el('td', rejected.values.join(', ')), el('td', rejected.reason));
      body.append(row);
    }
    table.append(head, body);
    parts.push(table);
  }
  box.replaceChildren(...parts);
}

async function followImport(campaignId, report) {
  showImport(report);
  while (report.state === 'RUNNING') {
    await new Promise(resolve => setTimeout(resolve, 500));
    report = await api('GET', `/api/v1/campaigns/${campaignId}/imports/${report.importId}`);
    showImport(report);
  }
  await Promise.all([refreshList(), refreshProgress()]);
}

document.getElementById('upload-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData();
  form.append('file', document.getElementById('list-file').files[0]);
  try {
    await followImport(selected, await upload(`/api/v1/campaigns/${selected}/leads`, form));
  } catch (failure) {
    document.getElementById('import-report').replaceChildren(el('p', failure.message, 'error'));
  }
});

document.getElementById('campaign-form').addEventListener('submit', async event => {
  event.preventDefault();
  const data = new FormData(event.target);
  const split = (value, separators) => String(value).split(separators).map(part => part.trim()).filter(Boolean);
  const request = {
    name: data.get('name'), dialMode: data.get('dialMode'), queue: data.get('queue'), callerId: data.get('callerId'),
    agents: String(data.get('agents')).split(',').map(name => name.trim()).filter(Boolean),
    callWindow: { hours: split(data.get('hours'), /\n/), holidays: split(data.get('holidays'), /[\n,]/) },
    maxAttempts: Number(data.get('maxAttempts')), abandonCap: Number(data.get('abandonCap')) / 100,
  };
  const error = document.getElementById('campaign-error');
  error.textContent = '';
  try {
    const created = await api('POST', '/api/v1/campaigns', request);
    event.target.reset();
    document.getElementById('new-campaign').open = false;
    await select(created.id);
  } catch (failure) {
    error.textContent = failure.message;
  }
});

for (const action of ['start', 'pause', 'finish']) {
  document.getElementById(action).addEventListener('click', () => act(action));
}

connectCti({ campaignProgress: showProgress });
refreshList().catch(() => {});
setInterval(() => refreshProgress().catch(() => {}), 3000);
setInterval(() => refreshList().catch(() => {}), 10000);
