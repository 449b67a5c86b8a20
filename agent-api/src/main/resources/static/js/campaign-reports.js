// Campaign reports: per campaign and day, attempts by outcome, contacts reached, the abandon rate against the cap,
// dispositions and agents; a chart per measure (a line per campaign over the days) and a table; CSV export.
import { api, el } from './api.js';
import { dayLines, fillTable, reportPage } from './report-page.js';

const MEASURES = [
  ['attempts', 'Attempts', 'calls', day => day.attempts],
  ['contactsReached', 'Contacts reached', 'leads', day => day.contactsReached],
  ['abandonRate', 'Abandon rate', '%', day => day.abandonRate === null ? null : day.abandonRate * 100],
];

const percent = value => value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`;
const counts = map => Object.entries(map).map(([key, n]) => `${key}: ${n}`).join(', ');

function drawTable(report) {
  const rows = report.days.map(day => {
    const tr = el('tr', undefined, day.overCap ? 'over-cap' : undefined);
    tr.dataset.campaign = day.campaign;
    tr.dataset.day = day.day;
    const rate = el('td', percent(day.abandonRate) + (day.overCap ? ' (over the cap)' : ''));
    if (day.overCap) rate.classList.add('error');
    tr.append(el('td', day.day), el('td', day.name), el('td', day.attempts), el('td', counts(day.attemptsByOutcome)),
      el('td', day.contactsReached), rate, el('td', percent(day.abandonCap)), el('td', counts(day.dispositions)),
      el('td', day.agents.map(agent => `${agent.agent}: ${agent.calls}`
        + (Object.keys(agent.dispositions).length ? ` (${counts(agent.dispositions)})` : '')).join('; ')));
    return tr;
  });
  fillTable(document.querySelector('#campaign-report-table tbody'), rows, 'No campaign dialled in this range.', 9);
}

/** The campaigns to choose from; the link's `campaign` is chosen once they are there. */
async function campaigns() {
  const select = document.getElementById('campaign-report-campaign');
  const list = await api('GET', '/api/v1/campaigns');
  const wanted = new URLSearchParams(window.location.search).get('campaign');
  for (const campaign of (list.items || list)) {
    const option = el('option', campaign.name);
    option.value = campaign.id;
    select.append(option);
  }
  if (wanted) select.value = wanted;
}

reportPage({
  prefix: 'campaign-report', path: '/api/v1/reports/campaigns', chartBox: 'campaign-report-charts',
  measures: MEASURES, chart: report => dayLines(report.days, day => day.name), draw: drawTable,
  ready: campaigns(), keep: ['campaign'],
});
