// A meter's page: identity, connection, read group and schedules with who set them, last contact,
// clock, collected days per channel; set and cancel non-default schedules; read it now and see the
// answer with an interval chart per channel; the stored interval history over chosen days, a chart per
// channel with the validation statuses. A third party only reads its own meters, on demand and stored.
import { api, get } from './api.js';
import { h, notice, number, replace, time } from './dom.js';
import { intervalChart, meterStatus, validationStatus } from './chart.js';

export async function meterPage(container, { me, args, signal }) {
  const meterId = args[0] || '';
  const input = h('input', { id: 'meter-search', name: 'meter', placeholder: 'meter id, e.g. MTR10000001', value: meterId,
    pattern: '[A-Za-z0-9._:\\-]{1,64}', required: true });
  const search = h('form', { class: 'toolbar', id: 'meter-form' }, input, h('button', { type: 'submit' }, 'Open'));
  search.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/meter/${encodeURIComponent(input.value.trim())}`;
  });
  const body = h('div', { id: 'meter-body' });
  const matches = me.role === 'third-party' ? null : h('div', { id: 'meter-matches' });
  if (matches) suggest(input, matches, signal);
  replace(container, h('h1', {}, meterId ? `Meter ${meterId}` : 'Meters'), search, matches, body);
  if (!meterId) {
    body.append(notice('info', 'Type the start of a meter id to find it, or open one from a read group on the night’s view.'));
    return;
  }
  const readArea = h('div', { id: 'read-result' });
  const readButton = h('button', { type: 'button', id: 'read-now', onclick: () => readNow(meterId, readButton, readArea, signal) },
    'Read now');
  // Stored readings are the operators' and, for their own meters, third parties' (R-DAT-1).
  const past = ['operator', 'third-party'].includes(me.role) ? history(meterId, signal) : null;
  if (me.role === 'third-party') {
    replace(body, h('div', { class: 'card' }, h('h2', {}, 'On-demand read'), readButton, readArea), past);
    return;
  }
  const details = h('div', { id: 'meter-details' });
  replace(body, details, h('div', { class: 'card' }, h('h2', {}, 'On-demand read'),
    me.role === 'administrator' ? notice('info', 'On-demand reads are for operators and field staff.') : readButton, readArea), past);
  await showDetails(details, meterId, me, signal);
}

const MATCHES = 20;

/** As the operator types, the meters whose id starts with what is typed, paged by the server (GET /api/v1/meters). */
function suggest(input, area, signal) {
  let timer = null;
  let asked = 0;
  const show = async (url, more) => {
    const mine = ++asked;
    try {
      const page = await get(url);
      if (signal.aborted || mine !== asked) return; // a newer search has been asked for
      const links = page.meters.map((m) => h('li', {}, h('a', { href: `#/meter/${encodeURIComponent(m.meterId)}` }, m.meterId)));
      const list = more ? area.querySelector('ul') : h('ul', { class: 'members', id: 'meter-match-list' });
      area.querySelector('button.more')?.remove();
      list.append(...links);
      if (!more) replace(area, page.meters.length ? list : notice('info', `No meter id starts with “${page.prefix}”.`));
      if (page.next) area.append(h('button', { type: 'button', class: 'link more', onclick: () => show(page.next, true) }, 'More'));
    } catch (e) {
      if (mine === asked) replace(area, notice('error', e.message));
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!prefix) {
      replace(area);
      return;
    }
    timer = setTimeout(() => show(`/api/v1/meters?prefix=${encodeURIComponent(prefix)}&limit=${MATCHES}`, false), 250);
  });
  signal.addEventListener('abort', () => clearTimeout(timer));
}

async function showDetails(details, meterId, me, signal) {
  let m;
  try {
    m = await get(`/api/v1/meters/${encodeURIComponent(meterId)}`);
  } catch (e) {
    replace(details, notice('error', e.message));
    return;
  }
  if (signal.aborted) return;
  const def = m.schedules.default;
  const row = (label, value, id) => h('tr', {}, h('th', {}, label), h('td', id ? { id } : {}, value));
  const canSchedule = me.role === 'operator';
  replace(details,
    h('div', { class: 'columns' },
      h('div', { class: 'card' }, h('h2', {}, 'Identity and connection'), h('table', { class: 'facts' },
        row('Serial', m.serial), row('Logical device', m.logicalDeviceName), row('Protocol', m.protocol),
        row('Connection', `${m.connection.kind}${m.connection.address ? ` (${m.connection.address})` : ''}`),
        row('In contact', m.connection.inContact ? 'yes' : 'no', 'in-contact'),
        row('Last contact', time(m.lastContact), 'last-contact'),
        row('Interval', `${m.intervalMinutes} min`), row('Read failures', number(m.readFailures)))),
      h('div', { class: 'card' }, h('h2', {}, 'Clock'), h('table', { class: 'facts' },
        row('Last checked', time(m.clock.lastChecked)),
        row('Last drift', m.clock.lastDriftSeconds === null ? '—' : `${m.clock.lastDriftSeconds} s`),
        row('Status', m.clock.needsAttention ? h('span', { class: 'missed' }, 'needs attention') : 'in bounds', 'clock-status')))),
    h('div', { class: 'card' }, h('h2', {}, 'Schedules'),
      h('p', { id: 'read-group' }, m.readGroup === null ? 'Not yet in a read group (placed at the next assignment).'
        : `Read group ${m.readGroup}: daily read at ${def?.readTime ?? '—'}, set by ${def?.setBy ?? '—'}, ${def?.acknowledged ? 'acknowledged by the meter' : 'not yet acknowledged'}.`),
      h('table', { class: 'list', id: 'schedules' },
        h('thead', {}, h('tr', {}, ['Id', 'Daily', 'Every', 'From', 'Until', 'Set by', 'Reason', 'On meter', ''].map((c) => h('th', {}, c)))),
        h('tbody', {}, m.schedules.nonDefault.map((s) => h('tr', { dataset: { schedule: s.scheduleId } },
          h('td', {}, s.scheduleId), h('td', {}, `${s.start}${s.end ? `–${s.end}` : ''}`), h('td', {}, s.frequency),
          h('td', {}, s.from ?? '—'), h('td', {}, s.until ?? '—'), h('td', {}, s.setBy), h('td', {}, s.reason ?? ''),
          h('td', {}, s.acknowledged ? 'acknowledged' : 'waiting'),
          h('td', {}, canSchedule ? h('button', { type: 'button', class: 'link', onclick: async () => {
            try {
              await api('DELETE', `/api/v1/meters/${encodeURIComponent(meterId)}/schedules/${encodeURIComponent(s.scheduleId)}`);
              await showDetails(details, meterId, me, signal);
            } catch (e) {
              details.append(notice('error', e.message));
            }
          } }, 'Cancel') : null))))),
      canSchedule ? scheduleForm(meterId, () => showDetails(details, meterId, me, signal)) : null),
    h('div', { class: 'card' }, h('h2', {}, 'Collected intervals (last 7 days)'), collected(m.collected)));
}

function scheduleForm(meterId, done) {
  const message = h('div');
  const field = (label, name, attributes = {}) => h('label', {}, label, h('input', { name, ...attributes }));
  const form = h('form', { class: 'inline', id: 'schedule-form' },
    field('Id', 'scheduleId', { required: true, pattern: '[A-Za-z0-9._-]{1,32}', size: 10 }),
    field('Start', 'start', { type: 'time', required: true }), field('End', 'end', { type: 'time' }),
    h('label', {}, 'Every', h('select', { name: 'frequency' }, ['PT15M', 'PT30M', 'PT1H', 'PT4H', 'P1D'].map((f) => h('option', {}, f)))),
    field('From', 'from', { type: 'date', required: true }), field('Until', 'until', { type: 'date' }),
    field('Reason', 'reason', { size: 16 }), h('button', { type: 'submit' }, 'Set schedule'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
    try {
      await api('POST', `/api/v1/meters/${encodeURIComponent(meterId)}/schedules`, data);
      await done();
    } catch (err) {
      replace(message, notice('error', err.message));
    }
  });
  return form;
}

function collected(channels) {
  const names = Object.keys(channels ?? {});
  if (!names.length) return notice('info', 'No intervals held yet.');
  const days = channels[names[0]].map((d) => d.day);
  return h('table', { class: 'list', id: 'collected' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Channel'), days.map((d) => h('th', { class: 'num' }, d.slice(5))))),
    h('tbody', {}, names.map((c) => h('tr', {}, h('th', {}, c), channels[c].map((d) => h('td', { class: 'num' }, d.intervals))))));
}

async function readNow(meterId, button, area, signal) {
  button.disabled = true;
  replace(area, h('p', { class: 'pending', id: 'read-state' }, 'Reading… the answer shows here when the meter has sent it.'));
  try {
    const { body } = await api('POST', `/api/v1/meters/${encodeURIComponent(meterId)}/reads`, undefined,
      { Prefer: 'respond-async' });
    let result = body;
    while (result.status === 'pending' && !signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      result = (await api('GET', result.result)).body;
    }
    if (!signal.aborted) showRead(area, result);
  } catch (e) {
    replace(area, notice('error', `The read failed: ${e.message}`));
  } finally {
    button.disabled = false;
  }
}

function showRead(area, r) {
  const byChannel = new Map();
  for (const i of r.intervals) {
    if (!byChannel.has(i.channel)) byChannel.set(i.channel, []);
    byChannel.get(i.channel).push(i);
  }
  const flagged = r.intervals.filter((i) => i.status !== 0).length;
  replace(area,
    h('p', { id: 'read-state', class: 'ok' }, `Read at ${time(r.readAt)}; meter clock ${time(r.meterClock)}; `
      + `${r.intervals.length} intervals (${flagged} flagged), ${r.registers.length} registers, ${r.events.length} events.`),
    h('table', { class: 'list', id: 'registers' }, h('thead', {}, h('tr', {}, h('th', {}, 'Register'), h('th', { class: 'num' }, 'Value'))),
      h('tbody', {}, r.registers.map((g) => h('tr', {}, h('td', {}, g.channel), h('td', { class: 'num' }, `${g.value} ${g.unit}`))))),
    [...byChannel].map(([channel, intervals]) => h('figure', { class: 'chart-box' },
      h('figcaption', {}, `${channel}: ${intervals.length} intervals; `, legend(intervals)), intervalChart(channel, intervals))),
    r.events.length ? h('table', { class: 'list', id: 'events' }, h('thead', {}, h('tr', {}, h('th', {}, 'Event'), h('th', {}, 'Code'), h('th', {}, 'At'))),
      h('tbody', {}, r.events.map((e) => h('tr', {}, h('td', {}, e.type), h('td', {}, e.code), h('td', {}, time(e.occurredAt)))))) : null);
}

function legend(intervals, statuses = meterStatus) {
  const counts = new Map();
  for (const i of intervals) {
    const key = `${statuses.cls(i.status)}\t${statuses.name(i.status)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => {
    const [cls, name] = key.split('\t');
    return h('span', { class: `legend ${cls}`, dataset: { status: name } }, `${name}: ${n}`);
  });
}

const HISTORY_DAYS = 31; // the longest range asked for at once: a month of one meter's intervals
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The stored intervals over chosen days from /api/v1/readings, a chart per channel with the validation statuses. */
function history(meterId, signal) {
  const today = Date.now();
  const from = h('input', { type: 'date', id: 'history-from', value: dayOf(today - 2 * 86400000), required: true });
  const to = h('input', { type: 'date', id: 'history-to', value: dayOf(today), required: true });
  const area = h('div', { id: 'history-charts' });
  const form = h('form', { class: 'toolbar', id: 'history-form' }, h('label', {}, 'From day', from),
    h('label', {}, 'to day (included)', to), h('button', { type: 'submit', id: 'history-show' }, 'Show'));
  const show = async () => {
    const first = Date.parse(`${from.value}T00:00:00Z`);
    const last = Date.parse(`${to.value}T00:00:00Z`);
    if (Number.isNaN(first) || Number.isNaN(last) || last < first || (last - first) / 86400000 >= HISTORY_DAYS) {
      replace(area, notice('error', `Pick a first and last day, at most ${HISTORY_DAYS} days apart.`));
      return;
    }
    replace(area, h('p', { class: 'pending' }, 'Loading…'));
    try {
      const { readings } = await get(`/api/v1/readings?meter=${encodeURIComponent(meterId)}&from=${from.value}`
        + `&to=${dayOf(last + 86400000)}&format=json`);
      if (signal.aborted) return;
      const byChannel = new Map();
      for (const r of readings) {
        if (!byChannel.has(r.channel)) byChannel.set(r.channel, []);
        byChannel.get(r.channel).push(r);
      }
      replace(area, byChannel.size ? [...byChannel].map(([channel, intervals]) => h('figure', { class: 'chart-box history' },
        h('figcaption', {}, `${channel}: ${intervals.length} intervals; `, legend(intervals, validationStatus)),
        intervalChart(channel, intervals, validationStatus))) : notice('info', 'No intervals held for those days.'));
    } catch (e) {
      replace(area, notice('error', e.message));
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    show();
  });
  show();
  return h('div', { class: 'card', id: 'history' }, h('h2', {}, 'Interval history'), form, area);
}
