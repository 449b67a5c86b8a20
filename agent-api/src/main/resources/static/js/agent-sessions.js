// Agent sessions: per agent and day, logged-in, paused (per reason), talk, wrap-up and idle time, occupancy, calls
// taken and rings not answered; a chart per measure (a line per agent over the days) and a table; CSV export.
import { el } from './api.js';
import { dayLines, fillTable, reportPage } from './report-page.js';

const MEASURES = [
  ['loggedInSeconds', 'Logged in', 'h', day => day.loggedInSeconds / 3600],
  ['pausedSeconds', 'Paused', 'h', day => day.pausedSeconds / 3600],
  ['talkSeconds', 'Talk', 'h', day => day.talkSeconds / 3600],
  ['occupancy', 'Occupancy', '%', day => day.occupancy === null ? null : day.occupancy * 100],
  ['callsTaken', 'Calls taken', 'calls', day => day.callsTaken],
  ['ringsNotAnswered', 'Rings not answered', 'rings', day => day.ringsNotAnswered],
];

const duration = seconds => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
};
const percent = value => value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`;
const who = day => day.username ? `${day.username} (${day.agent})` : day.agent;

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
  fillTable(document.querySelector('#sessions-table tbody'), rows,
    'No agent was logged in or on a call in this range.', 11);
}

reportPage({
  prefix: 'sessions', path: '/api/v1/reports/agent-sessions', chartBox: 'sessions-charts', measures: MEASURES,
  chart: report => dayLines(report.days, who), draw: drawTable,
});
