// Interval reports: per queue and interval, the wallboard's measures over a date range, a chart per measure (uPlot,
// served from its WebJar) and a table; the same selection exports as CSV.
import { api, el } from './api.js';
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const form = document.getElementById('intervals-filter');
const COLOURS = ['#1f6feb', '#d97706', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];
/** The measures charted, each its own chart with a line per queue. */
const MEASURES = [
  ['offered', 'Offered', 'calls'], ['answered', 'Answered', 'calls'], ['abandoned', 'Abandoned', 'calls'],
  ['shortAbandons', 'Short abandons', 'calls'], ['serviceLevel', 'Service level', '%'],
  ['averageWaitSeconds', 'Average wait', 's'], ['p90WaitSeconds', '90th percentile wait', 's'],
  ['averageTalkSeconds', 'Average talk', 's'], ['averageHandleSeconds', 'Average handle time', 's'],
  ['longestWaitSeconds', 'Longest wait', 's'],
];
const charts = [];

const percent = value => value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`;
const seconds = value => value === null || value === undefined ? '' : `${Math.round(value)} s`;
const value = (figures, key) => key === 'serviceLevel' && figures[key] !== null ? figures[key] * 100 : figures[key];

function params() {
  const query = new URLSearchParams();
  new FormData(form).forEach((v, key) => { if (v) query.set(key, v); });
  return query;
}

function drawCharts(report) {
  charts.splice(0).forEach(chart => chart.destroy());
  const box = document.getElementById('interval-charts');
  box.replaceChildren();
  if (!report.queues.length) return;
  const xs = report.queues[0].intervals.map(figures => Date.parse(figures.start) / 1000);
  for (const [key, title, unit] of MEASURES) {
    const figure = el('figure');
    figure.dataset.measure = key;
    figure.append(el('figcaption', `${title} (${unit})`));
    box.append(figure);
    const data = [xs, ...report.queues.map(queue => queue.intervals.map(figures => value(figures, key)))];
    const series = [{}, ...report.queues.map((queue, index) => ({
      label: queue.queue, stroke: COLOURS[index % COLOURS.length], width: 2, spanGaps: false,
    }))];
    charts.push(new uPlot({ width: 460, height: 200, series, axes: [{}, { size: 50 }], legend: { show: true } },
      data, figure));
  }
}

function drawTable(report) {
  const rows = [];
  for (const queue of report.queues) {
    for (const figures of [...queue.intervals, queue.total]) {
      const total = figures === queue.total;
      if (!total && figures.offered === 0) continue;
      const tr = el('tr', undefined, total ? 'total' : undefined);
      tr.dataset.queue = queue.queue;
      if (!total) tr.dataset.start = figures.start;
      const agents = Object.entries(figures.answeredByAgent).sort().map(([agent, calls]) => `${agent}: ${calls}`).join(', ');
      tr.append(el('td', queue.queue), el('td', total ? 'whole range' : new Date(figures.start).toLocaleString()),
        el('td', figures.offered), el('td', figures.answered), el('td', figures.abandoned), el('td', figures.shortAbandons),
        el('td', percent(figures.serviceLevel)), el('td', seconds(figures.averageWaitSeconds)),
        el('td', seconds(figures.p90WaitSeconds)), el('td', seconds(figures.averageTalkSeconds)),
        el('td', seconds(figures.averageHandleSeconds)), el('td', seconds(figures.longestWaitSeconds)), el('td', agents));
      rows.push(tr);
    }
  }
  document.querySelector('#intervals-table tbody').replaceChildren(...rows);
  document.getElementById('intervals-formulas').textContent = report.queues
    .map(queue => `${queue.queue}: service level = ${queue.serviceLevelFormula}; handle time = ${queue.handleTimeFormula}`)
    .join(' · ');
}

async function refresh() {
  const query = params();
  document.getElementById('intervals-export').href = '/api/v1/reports/intervals.csv?' + query;
  const report = await api('GET', '/api/v1/reports/intervals?' + query);
  document.getElementById('intervals-error').textContent = '';
  drawCharts(report);
  drawTable(report);
  if (!report.queues.length) document.getElementById('intervals-formulas').textContent = 'No calls in this range.';
}

const show = () => refresh().catch(e => { document.getElementById('intervals-error').textContent = e.message; });
form.addEventListener('submit', event => { event.preventDefault(); show(); });
// a link may carry the selection (`?from=2026-12-01&to=2026-12-07&step=day&queue=support`)
new URLSearchParams(window.location.search).forEach((v, key) => { if (form.elements[key]) form.elements[key].value = v; });
const today = new Date().toISOString().slice(0, 10);
document.getElementById('intervals-from').value ||= today;
document.getElementById('intervals-to').value ||= today;
show();
