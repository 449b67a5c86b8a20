// What the report pages (agent sessions, campaign reports, interval reports) share: the filter form read into the
// query (and filled from the page's own link), the CSV link, a uPlot chart per measure with a line per agent,
// campaign or queue, the table's "nothing in this range" row, and errors shown beside the form.
import { api, el } from './api.js';
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const COLOURS = ['#1f6feb', '#d97706', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];

/**
 * Lines over days for reports with a row per thing and day: `xs` the days (seconds), `lines` a line per label with
 * the row of each day (or null). The x scale holds the days with half a day either side: uPlot's own range stretches
 * one day's point over years.
 */
export function dayLines(rows, labelOf) {
  const days = [...new Set(rows.map(row => row.day))].sort();
  const labels = [...new Set(rows.map(labelOf))].sort();
  const xs = days.map(day => Date.parse(day + 'T00:00:00Z') / 1000);
  const lines = labels.map(label => ({
    label, rows: days.map(d => rows.find(row => row.day === d && labelOf(row) === label) || null),
  }));
  const scales = xs.length ? { x: { time: true, auto: false, range: [xs[0] - 43200, xs[xs.length - 1] + 43200] } } : {};
  return { xs, lines, scales, line: { points: { show: true, size: 6 } } };
}

/** The table's rows, or one row across all `columns` saying `nothing` when there are none. */
export function fillTable(tbody, rows, nothing, columns) {
  if (!rows.length) {
    const td = el('td', nothing);
    td.colSpan = columns;
    const tr = el('tr');
    tr.append(td);
    rows = [tr];
  }
  tbody.replaceChildren(...rows);
}

/**
 * Wires a report page whose elements are named `<prefix>-filter`, `-from`, `-to`, `-export` and `-error`.
 * `measures`: [key, title, unit, value of a row]; `chart(report)`: {xs, lines, scales?, line?} (no lines, no
 * charts); `draw(report)`: the rest of the page. `ready`: a promise to wait for before the first report (a list
 * the form offers); `keep`: the link's parameters `ready` sets itself.
 */
export function reportPage({ prefix, path, chartBox, measures, chart, draw, ready = Promise.resolve(), keep = [] }) {
  const form = document.getElementById(`${prefix}-filter`);
  const error = document.getElementById(`${prefix}-error`);
  const charts = [];

  function drawCharts(report) {
    charts.splice(0).forEach(c => c.destroy());
    const box = document.getElementById(chartBox);
    box.replaceChildren();
    const { xs, lines, scales = {}, line = {} } = chart(report);
    if (!lines.length) return;
    for (const [key, title, unit, value] of measures) {
      const figure = el('figure');
      figure.dataset.measure = key;
      figure.append(el('figcaption', `${title} (${unit})`));
      box.append(figure);
      const data = [xs, ...lines.map(l => l.rows.map(row => row === null ? null : value(row)))];
      const series = [{}, ...lines.map((l, index) => ({
        label: l.label, stroke: COLOURS[index % COLOURS.length], width: 2, ...line,
      }))];
      charts.push(new uPlot({ width: 460, height: 200, series, scales, axes: [{}, { size: 50 }], legend: { show: true } },
        data, figure));
    }
  }

  async function refresh() {
    const query = new URLSearchParams();
    new FormData(form).forEach((v, key) => { if (v) query.set(key, v); });
    document.getElementById(`${prefix}-export`).href = `${path}.csv?` + query;
    const report = await api('GET', `${path}?` + query);
    error.textContent = '';
    drawCharts(report);
    draw(report);
  }

  const fail = e => { error.textContent = e.message; };
  const show = () => refresh().catch(fail);
  form.addEventListener('submit', event => { event.preventDefault(); show(); });
  // a link may carry the selection (`?from=2026-12-01&to=2026-12-07&queue=support`)
  new URLSearchParams(window.location.search).forEach((v, key) => {
    if (form.elements[key] && !keep.includes(key)) form.elements[key].value = v;
  });
  const today = new Date().toISOString().slice(0, 10);
  document.getElementById(`${prefix}-from`).value ||= today;
  document.getElementById(`${prefix}-to`).value ||= today;
  ready.catch(fail).finally(show);
}
