// The supervisor wallboard: queues, agents and calls, refreshed from the REST API and on every live update.
import { api, el, pbxLabel, time } from './api.js';
import { connectCti } from './cti.js';

function since(iso) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

// A supervisor whose team works some queues (set by an admin on the team) sees those, unless they ask for all.
const teamQueues = (document.querySelector('main').dataset.teamQueues || '').split(',').filter(Boolean);
const allQueues = document.getElementById('all-queues');
const shown = name => teamQueues.length === 0 || (allQueues && allQueues.checked) || teamQueues.includes(name);
if (allQueues) allQueues.addEventListener('change', () => { refresh().catch(() => {}); refreshCharts().catch(() => {}); });

async function refresh() {
  const [everyQueue, agents, calls] = await Promise.all([
    api('GET', '/api/v1/queues'), api('GET', '/api/v1/agents'), api('GET', '/api/v1/calls'),
  ]);
  const queues = everyQueue.filter(queue => shown(queue.name));
  const queueRows = queues.map(queue => {
    const row = el('tr', null, queue.waiting > 5 ? 'alert' : queue.waiting > 0 ? 'warn' : '');
    row.dataset.queue = queue.name;
    const count = state => queue.agents[state] || 0;
    row.append(el('td', queue.displayName || queue.name), el('td', queue.waiting, 'waiting'), el('td', since(queue.longestWaitingSince)),
      el('td', count('READY')), el('td', count('RINGING')), el('td', count('ON_CALL')), el('td', count('WRAP_UP')), el('td', count('PAUSED')));
    const today = queue.today;
    const percent = value => value === null || value === undefined ? '–' : Math.round(value * 100) + ' %';
    const seconds = value => value === null || value === undefined ? '–' : Math.round(value) + ' s';
    const needed = el('td', today ? today.agentsNeeded : '–', 'needed');
    if (today && today.agentsNeeded > count('READY') + count('ON_CALL') + count('RINGING')) needed.classList.add('short');
    const level = el('td', today ? percent(today.serviceLevel) : '–', 'service-level');
    if (today && today.serviceLevel !== null) level.classList.add(today.serviceLevel >= 0.8 ? 'good' : 'bad');
    row.append(needed, el('td', today ? today.offered : 0, 'offered'), el('td', today ? today.answered : 0),
      el('td', today ? `${today.abandoned} (${percent(today.abandonRate)})` : 0), level,
      el('td', today ? seconds(today.averageWaitSeconds) : '–'), el('td', today ? seconds(today.averageTalkSeconds) : '–'));
    if (today) document.getElementById('sl-formula').textContent = 'Service level = ' + today.serviceLevelFormula;
    return row;
  });
  document.querySelector('#queues tbody').replaceChildren(...queueRows);
  // with several PBXes agents and queues are named '<pbx>:<name>' (1001 on PBX a is not 1001 on PBX b): shown as 1001 (a)
  const queueLabels = new Map(everyQueue.map(queue => [queue.name, queue.displayName || queue.name]));
  const onPbx = pbxLabel;
  const agentRows = agents.map(agent => {
    const row = el('tr', null, 'state-' + agent.state.toLowerCase());
    row.append(el('td', onPbx(agent.extension)), el('td', queueLabels.get(agent.queue) || onPbx(agent.queue)),
      el('td', label(agent.state) + (agent.pausedReason ? ` (${agent.pausedReason})` : '')), el('td', since(agent.since)));
    row.append(agent.state === 'LOGGED_OUT' ? el('td') : actionsFor(agent));
    return row;
  });
  document.querySelector('#agents tbody').replaceChildren(...agentRows);
  const callRows = calls.map(call => {
    const row = el('tr');
    row.append(el('td', call.callerNumber), el('td', queueLabels.get(call.queue) || onPbx(call.queue)), el('td', call.state),
      el('td', call.agent ? onPbx(call.agent) : [...call.ringing].map(onPbx).join(', ')),
      el('td', time(call.startedAt)));
    return row;
  });
  document.querySelector('#live-calls tbody').replaceChildren(...callRows);
}

/** READY -> "Ready", WRAP_UP -> "Wrap up", LOGGED_OUT -> "Logged out". */
function label(state) {
  const words = state.toLowerCase().replace('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A supervisor pauses, resumes or logs out an agent of their team. */
function actionsFor(agent) {
  const cell = el('td', null, 'actions');
  const act = (label, method, path, body) => {
    const button = el('button', label, 'small');
    button.type = 'button';
    button.addEventListener('click', async () => {
      try {
        await api(method, path, body);
        refreshSoon();
      } catch (error) {
        button.title = error.message;
        button.classList.add('failed');
      }
    });
    return button;
  };
  const base = `/api/v1/agents/${encodeURIComponent(agent.extension)}`;
  if (agent.state === 'PAUSED') {
    cell.append(act('Resume', 'POST', `${base}/resume`));
  } else {
    cell.append(act('Pause', 'POST', `${base}/pause`, { reason: 'Supervisor' }));
  }
  cell.append(act('Log out', 'DELETE', `${base}/queues/${encodeURIComponent(agent.queue)}`));
  return cell;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** One small chart per queue: waiting callers as bars, the service level as a line. No library needed. */
function drawCharts(timeline) {
  const box = document.getElementById('charts');
  const charts = Object.entries(timeline).filter(([queue]) => shown(queue)).map(([queue, points]) => {
    const width = 480, height = 90;
    const figure = el('figure', null, 'queue-chart');
    figure.dataset.queue = queue;
    figure.append(el('figcaption', queue));
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${queue}: waiting and service level today` });
    const most = Math.max(1, ...points.map(point => point.waiting));
    const step = width / Math.max(1, points.length);
    points.forEach((point, index) => {
      const barHeight = (point.waiting / most) * (height - 10);
      chart.append(svg('rect', { x: index * step, y: height - barHeight, width: Math.max(1, step - 1), height: barHeight, class: 'waiting-bar' }));
    });
    const line = points
      .map((point, index) => point.serviceLevel === null ? null : `${index * step + step / 2},${height - point.serviceLevel * (height - 10)}`)
      .filter(Boolean).join(' ');
    if (line) chart.append(svg('polyline', { points: line, class: 'service-level-line' }));
    figure.append(chart);
    return figure;
  });
  box.replaceChildren(...charts);
}

async function refreshCharts() {
  drawCharts(await api('GET', '/api/v1/queues/timeline'));
}

let pending = false;
function refreshSoon() {
  if (pending) return;
  pending = true;
  setTimeout(() => { pending = false; refresh().catch(() => {}); }, 250);
}

connectCti({ queueSnapshot: refreshSoon, agentState: refreshSoon });
refresh().catch(() => {});
refreshCharts().catch(() => {});
setInterval(() => refresh().catch(() => {}), 5000);
setInterval(() => refreshCharts().catch(() => {}), 10000);
