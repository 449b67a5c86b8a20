// Interval reports: per queue and interval, the wallboard's measures over a date range, a chart per measure (a line
// per queue) and a table; the same selection exports as CSV.
import { el } from './api.js';
import { reportPage } from './report-page.js';

const figure = key => figures => figures[key];
/** The measures charted, each its own chart with a line per queue. */
const MEASURES = [
  ['offered', 'Offered', 'calls', figure('offered')], ['answered', 'Answered', 'calls', figure('answered')],
  ['abandoned', 'Abandoned', 'calls', figure('abandoned')],
  ['shortAbandons', 'Short abandons', 'calls', figure('shortAbandons')],
  ['serviceLevel', 'Service level', '%', figures => figures.serviceLevel === null ? null : figures.serviceLevel * 100],
  ['averageWaitSeconds', 'Average wait', 's', figure('averageWaitSeconds')],
  ['p90WaitSeconds', '90th percentile wait', 's', figure('p90WaitSeconds')],
  ['averageTalkSeconds', 'Average talk', 's', figure('averageTalkSeconds')],
  ['averageHandleSeconds', 'Average handle time', 's', figure('averageHandleSeconds')],
  ['longestWaitSeconds', 'Longest wait', 's', figure('longestWaitSeconds')],
];

const percent = value => value === null || value === undefined ? '' : `${(value * 100).toFixed(1)} %`;
const seconds = value => value === null || value === undefined ? '' : `${Math.round(value)} s`;

/** Every queue's intervals share the report's cut, so the first queue's starts are everyone's. */
const chart = report => ({
  xs: report.queues.length ? report.queues[0].intervals.map(figures => Date.parse(figures.start) / 1000) : [],
  lines: report.queues.map(queue => ({ label: queue.label || queue.queue, rows: queue.intervals })),
  line: { spanGaps: false },
});

function draw(report) {
  const rows = [];
  for (const queue of report.queues) {
    for (const figures of [...queue.intervals, queue.total]) {
      const total = figures === queue.total;
      if (!total && figures.offered === 0) continue;
      const tr = el('tr', undefined, total ? 'total' : undefined);
      tr.dataset.queue = queue.queue;
      if (!total) tr.dataset.start = figures.start;
      const agents = Object.entries(figures.answeredByAgent).sort().map(([agent, calls]) => `${agent}: ${calls}`).join(', ');
      tr.append(el('td', queue.label || queue.queue), el('td', total ? 'whole range' : new Date(figures.start).toLocaleString()),
        el('td', figures.offered), el('td', figures.answered), el('td', figures.abandoned), el('td', figures.shortAbandons),
        el('td', percent(figures.serviceLevel)), el('td', seconds(figures.averageWaitSeconds)),
        el('td', seconds(figures.p90WaitSeconds)), el('td', seconds(figures.averageTalkSeconds)),
        el('td', seconds(figures.averageHandleSeconds)), el('td', seconds(figures.longestWaitSeconds)), el('td', agents));
      rows.push(tr);
    }
  }
  document.querySelector('#intervals-table tbody').replaceChildren(...rows);
  document.getElementById('intervals-formulas').textContent = report.queues.length
    ? report.queues
      .map(queue => `${queue.label || queue.queue}: service level = ${queue.serviceLevelFormula}; handle time = ${queue.handleTimeFormula}`)
      .join(' · ')
    : 'No calls in this range.';
}

reportPage({ prefix: 'intervals', path: '/api/v1/reports/intervals', chartBox: 'interval-charts', measures: MEASURES,
  chart, draw });
