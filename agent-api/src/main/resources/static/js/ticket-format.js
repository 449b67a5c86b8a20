// What the ticket pages share: plain ids, SLA clocks in business time, words for enum values, the page title's count.

/** An id as the API gives it: a plain number (older servers wrapped it as {value: n}). */
export function idOf(id) {
  return id !== null && typeof id === 'object' ? id.value : id;
}

/** Seconds of an ISO-8601 duration from the API (PT3H20M, PT-1H-5M); numbers are seconds already. */
export function seconds(duration) {
  if (typeof duration === 'number') return duration;
  const match = /^(-)?PT?(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?$/.exec(duration || '');
  if (!match) return 0;
  const [, sign, h, m, s] = match;
  const total = Number(h || 0) * 3600 + Number(m || 0) * 60 + Number(s || 0);
  return sign ? -total : total;
}

export function hoursAndMinutes(totalSeconds) {
  const minutes = Math.round(Math.abs(totalSeconds) / 60);
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}h ${minutes % 60}m` : `${minutes}m`;
}

/** The clock not yet met that runs out first, or null when every clock is met. */
export function firstClock(ticket) {
  const running = (ticket.sla || []).filter(clock => !clock.metAt);
  running.sort((a, b) => seconds(a.left) - seconds(b.left));
  return running.length ? running[0] : null;
}

/**
 * A clock in words with its urgency: 'breached' once no time is left, 'low' under 25 % of its target left (amber),
 * else 'ok'. Time is business time, as the SLA counts it.
 */
export function clockText(clock) {
  if (!clock) return { text: 'all met', level: 'met' };
  const left = seconds(clock.left);
  const target = seconds(clock.target);
  const what = words(clock.kind);
  if (left <= 0) return { text: `${what}: overdue ${hoursAndMinutes(left)}`, level: 'breached' };
  const level = target > 0 && left < target * 0.25 ? 'low' : 'ok';
  return { text: `${what}: ${hoursAndMinutes(left)} left${clock.paused ? ' (paused)' : ''}`, level };
}

export function words(value) {
  if (!value) return '';
  const lower = String(value).replace(/_/g, ' ').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** Counts news the user has not looked at yet in the page title: "(2) Tickets · Switchboard". */
export function titleCounter(base) {
  let count = 0;
  const show = () => { document.title = (count > 0 ? `(${count}) ` : '') + base; };
  return {
    add() { count += 1; show(); },
    clear() { count = 0; show(); },
    get count() { return count; },
  };
}
