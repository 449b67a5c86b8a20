// Campaign reports: per campaign and day, attempts by outcome, contacts reached, the abandon rate against the cap,
// dispositions and agents; a chart per measure (uPlot, a line per campaign over the days) and a table; CSV export.
import { api, el } from './api.js';
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const form = document.getElementById('campaign-report-filter');
const COLOURS = ['#1f6feb', '#d97706', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];
const MEASURES = [
  ['attempts', 'Attempts', 'calls', day => day.attempts],
  ['contactsReached', 'Contacts reached', 'leads', day => day.contactsReached],
  ['abandonRate', 'Abandon rate', '%', day => day.abandonRate === null ? null : day.abandonRate * 100],
];
const charts = [];
// the days shown, with half a day either side: uPlot's own range stretches one day's point over years
const dayRange = xs => ({ time: true, auto: false, range: [xs[0] - 43200, xs[xs.length - 1] + 43200] });

const percent = value => value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`;
const counts = map => Object.entries(map).map(([key, n]) => `${key}: ${n}`).join(', ');

function params() {
  const query = new URLSearchParams();
  new FormData(form).forEach((v, key) => { if (v) query.set(key, v); });
  return query;
}

function drawCharts(report) {
  charts.splice(0).forEach(chart => chart.destroy());
  const box = document.getElementById('campaign-report-charts');
  box.replaceChildren();
  const days = [...new Set(report.days.map(day => day.day))].sort();
  const campaigns = [...new Set(report.days.map(day => day.name))].sort();
  if (!days.length) return;
  const xs = days.map(day => Date.parse(day + 'T00:00:00Z') / 1000);
  for (const [key, title, unit, value] of MEASURES) {
    const figure = el('figure');
    figure.dataset.measure = key;
    figure.append(el('figcaption', `${title} (${unit})`));
    box.append(figure);
    const data = [xs, ...campaigns.map(name => days.map(d => {
      const found = report.days.find(day => day.day === d && day.name === name);
      return found ? value(found) : null;
    }))];
    const series = [{}, ...campaigns.map((name, index) => ({
      label: name, stroke: COLOURS[index % COLOURS.length], width: 2, points: { show: true, size: 6 },
    }))];
    charts.push(new uPlot({ width: 460, height: 200, series, scales: { x: dayRange(xs) },
      axes: [{}, { size: 50 }], legend: { show: true } },
      data, figure));
  }
}

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
  if (!rows.length) {
    const tr = el('tr');
    const td = el('td', 'No campaign dialled in this range.');
    td.colSpan = 9;
    tr.append(td);
    rows.push(tr);
  }
  document.querySelector('#campaign-report-table tbody').replaceChildren(...rows);
}

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

async function refresh() {
  const query = params();
  document.getElementById('campaign-report-export').href = '/api/v1/reports/campaigns.csv?' + query;
  const report = await api('GET', '/api/v1/reports/campaigns?' + query);
  document.getElementById('campaign-report-error').textContent = '';
  drawCharts(report);
  drawTable(report);
}

const fail = e => { document.getElementById('campaign-report-error').textContent = e.message; };
const show = () => refresh().catch(fail);
form.addEventListener('submit', event => { event.preventDefault(); show(); });
new URLSearchParams(window.location.search).forEach((v, key) => {
  if (form.elements[key] && key !== 'campaign') form.elements[key].value = v;
});
const today = new Date().toISOString().slice(0, 10);
document.getElementById('campaign-report-from').value ||= today;
document.getElementById('campaign-report-to').value ||= today;
campaigns().catch(fail).finally(show);
