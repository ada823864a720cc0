// Tonight's collection: per read group, meters collected against their schedule (on time, late,
// missed, still waiting), refreshed as scheduled readings arrive on the readings stream.
import { get } from './api.js';
import { follow } from './stream.js';
import { h, notice, number, replace, time } from './dom.js';

const FIELDS = [
  ['onTime', 'On time', 'ok'],
  ['late', 'Late', 'late'],
  ['missed', 'Missing', 'missed'],
  ['pending', 'Waiting', 'pending'],
];

export async function collectionPage(container, { args, signal }) {
  let day = args[0] || null;
  const status = h('span', { class: 'stream-state', id: 'stream-state' }, 'connecting…');
  const heading = h('h1', {}, 'Tonight’s collection');
  const summary = h('div', { id: 'collection-summary' });
  const members = h('div', { id: 'group-members' });
  const error = h('div');
  const dayLink = (offset, label) => h('button', { type: 'button', class: 'link', onclick: () => {
    const d = new Date(`${current?.day ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    location.hash = `#/collection/${d.toISOString().slice(0, 10)}`;
  } }, label);
  replace(container, heading, h('p', { class: 'toolbar' }, dayLink(-1, '◀ previous day'), ' ', dayLink(1, 'next day ▶'), ' ',
    h('a', { href: '#/collection' }, 'tonight'), ' · live updates: ', status), error, summary, members);

  let current = null;
  let timer = null;
  const refresh = async () => {
    try {
      current = await get(`/api/v1/collection/summary${day ? `?day=${day}` : ''}`);
      replace(error);
      draw(summary, current, members, signal);
    } catch (e) {
      replace(error, notice('error', e.message));
    }
  };
  // Readings arrive in bursts as a read group pushes: one refresh per second at most.
  const soon = () => {
    if (!timer) timer = setTimeout(() => { timer = null; refresh(); }, 1000);
  };
  await refresh();
  const poll = setInterval(refresh, 10000); // slots end while nothing arrives: waiting turns into missing
  signal.addEventListener('abort', () => { clearInterval(poll); clearTimeout(timer); });
  follow('/api/v1/readings/stream?source=SCHEDULED', soon, signal, (state) => { status.textContent = state; });
}

function draw(summary, s, members, signal) {
  const t = s.totals;
  const owed = t.meters || 0;
  const share = (n) => (owed ? `${Math.round((1000 * n) / owed) / 10} %` : '—');
  replace(summary,
    h('p', {}, `Data of ${s.day} (meters’ standard time ${s.standardTime}), collected in the window after it; counted ${time(s.countedAt)}.`),
    h('div', { class: 'tiles' },
      h('div', { class: 'tile' }, h('span', { class: 'value', id: 'total-meters' }, number(owed)), h('span', {}, 'meters scheduled')),
      FIELDS.map(([key, label, cls]) => h('div', { class: `tile ${cls}` },
        h('span', { class: 'value', id: `total-${key}` }, number(t[key])), h('span', {}, `${label} · ${share(t[key])}`)))),
    h('table', { class: 'groups', id: 'groups' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Read group'), h('th', {}, 'Slot'), h('th', { class: 'num' }, 'Meters'),
        FIELDS.map(([, label]) => h('th', { class: 'num' }, label)), h('th', {}, 'Progress'))),
      h('tbody', {}, s.groups.filter((g) => g.meters > 0).map((g) => h('tr', { dataset: { group: g.group } },
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => showMembers(members, g, null, signal) },
          `Group ${g.group}`)),
        h('td', {}, `${time(g.slotStart).slice(11, 16)}–${time(g.slotEnd).slice(11, 16)} UTC`),
        h('td', { class: 'num' }, number(g.meters)),
        FIELDS.map(([key]) => h('td', { class: `num ${key}` }, number(g[key]))),
        h('td', {}, bar(g)))))),
    s.groups.every((g) => g.meters === 0) ? notice('info', 'No meter owed data for this day: none had acknowledged a read group before its slot.') : null);
}

function bar(g) {
  const seg = (n, cls) => (n ? h('span', { class: `seg ${cls}`, style: { width: `${(100 * n) / g.meters}%` }, title: `${n}` }) : null);
  return h('div', { class: 'bar' }, seg(g.onTime, 'ok'), seg(g.late, 'late'), seg(g.missed, 'missed'), seg(g.pending, 'pending'));
}

async function showMembers(members, group, after, signal) {
  const page = await get(`/api/v1/read-groups/${group.group}/meters?limit=50${after ? `&after=${encodeURIComponent(after)}` : ''}`);
  if (signal.aborted) return;
  const last = page.meters[page.meters.length - 1];
  replace(members, h('h2', {}, `Meters of read group ${group.group}`),
    h('ul', { class: 'members' }, page.meters.map((m) => h('li', {}, h('a', { href: `#/meter/${encodeURIComponent(m)}` }, m)))),
    page.next ? h('button', { type: 'button', onclick: () => showMembers(members, group, last, signal) }, 'Next 50') : null);
}
