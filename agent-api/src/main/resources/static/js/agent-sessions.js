// Agent sessions: per agent and day, logged-in, paused (per reason), talk, wrap-up and idle time, occupancy, calls
// taken and rings not answered; a chart per measure (uPlot, a line per agent over the days) and a table; CSV export.
import { api, el } from './api.js';
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const form = document.getElementById('sessions-filter');
const COLOURS = ['#1f6feb', '#d97706', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];
const MEASURES = [
  ['loggedInSeconds', 'Logged in', 'h', s => s / 3600], ['pausedSeconds', 'Paused', 'h', s => s / 3600],
  ['talkSeconds', 'Talk', 'h', s => s / 3600], ['occupancy', 'Occupancy', '%', o => o === null ? null : o * 100],
  ['callsTaken', 'Calls taken', 'calls', n => n], ['ringsNotAnswered', 'Rings not answered', 'rings', n => n],
];
const charts = [];
// the days shown, with half a day either side: uPlot's own range stretches one day's point over years
const dayRange = xs => ({ time: true, auto: false, range: [xs[0] - 43200, xs[xs.length - 1] + 43200] });

const duration = seconds => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
};
const percent = value => value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`;
const who = day => day.username ? `${day.username} (${day.agent})` : day.agent;

function params() {
  const query = new URLSearchParams();
  new FormData(form).forEach((v, key) => { if (v) query.set(key, v); });
  return query;
}

function drawCharts(report) {
  charts.splice(0).forEach(chart => chart.destroy());
  const box = document.getElementById('sessions-charts');
  box.replaceChildren();
  const days = [...new Set(report.days.map(day => day.day))].sort();
  const agents = [...new Set(report.days.map(who))].sort();
  if (!days.length) return;
  const xs = days.map(day => Date.parse(day + 'T00:00:00Z') / 1000);
  for (const [key, title, unit, scale] of MEASURES) {
    const figure = el('figure');
    figure.dataset.measure = key;
    figure.append(el('figcaption', `${title} (${unit})`));
    box.append(figure);
    const data = [xs, ...agents.map(agent => days.map(d => {
      const found = report.days.find(day => day.day === d && who(day) === agent);
      return found ? scale(found[key]) : null;
    }))];
    const series = [{}, ...agents.map((agent, index) => ({
      label: agent, stroke: COLOURS[index % COLOURS.length], width: 2, points: { show: true, size: 6 },
    }))];
    charts.push(new uPlot({ width: 460, height: 200, series, scales: { x: dayRange(xs) },
      axes: [{}, { size: 50 }], legend: { show: true } },
      data, figure));
  }
}

function drawTable(report) {
  const rows = report.days.map(day => {
    const tr = el('tr');
    tr.dataset.agent = day.agent;
    tr.dataset.day = day.day;
    const reasons = Object.entries(day.pausedByReason).map(([reason, seconds]) => `${reason}: ${duration(seconds)}`)
      .join(', ');
    tr.append(el('td', day.day), el('td', who(day)), el('td', duration(day.loggedInSeconds)),
      el('td', duration(day.pausedSeconds)), el('td', reasons), el('td', duration(day.talkSeconds)),
      el('td', duration(day.wrapUpSeconds)), el('td', duration(day.idleSeconds)), el('td', percent(day.occupancy)),
      el('td', day.callsTaken), el('td', day.ringsNotAnswered));
    return tr;
  });
  if (!rows.length) {
    const tr = el('tr');
    const td = el('td', 'No agent was logged in or on a call in this range.');
    td.colSpan = 11;
    tr.append(td);
    rows.push(tr);
  }
  document.querySelector('#sessions-table tbody').replaceChildren(...rows);
}

async function refresh() {
  const query = params();
  document.getElementById('sessions-export').href = '/api/v1/reports/agent-sessions.csv?' + query;
  const report = await api('GET', '/api/v1/reports/agent-sessions?' + query);
  document.getElementById('sessions-error').textContent = '';
  drawCharts(report);
  drawTable(report);
}

const show = () => refresh().catch(e => { document.getElementById('sessions-error').textContent = e.message; });
form.addEventListener('submit', event => { event.preventDefault(); show(); });
// a link may carry the selection (`?from=2026-12-01&to=2026-12-07&agent=2001`)
new URLSearchParams(window.location.search).forEach((v, key) => { if (form.elements[key]) form.elements[key].value = v; });
const today = new Date().toISOString().slice(0, 10);
document.getElementById('sessions-from').value ||= today;
document.getElementById('sessions-to').value ||= today;
show();
