// Operator notifications: failed on-demand reads, outage alerts and meter clock errors, newest
// first and paged, each acknowledged by the operator who has dealt with it.
import { api, get } from './api.js';
import { h, notice, replace, time } from './dom.js';

const KINDS = {
  'read-failed': 'On-demand read failed',
  'outage-suspected': 'Outage suspected',
  'outage-cleared': 'Outage cleared',
  'clock-error': 'Meter clock error',
};

export async function openAlerts() {
  return (await get('/api/v1/alerts?state=open&limit=1')).open;
}

export async function alertsPage(container, { me }) {
  let state = 'open';
  const list = h('div', { id: 'alert-list' });
  const choose = (value, label) => h('label', {}, h('input', { type: 'radio', name: 'state', value, checked: value === state,
    onchange: () => { state = value; load(null, []); } }), label);
  replace(container, h('h1', {}, 'Notifications'), h('p', { class: 'toolbar' }, choose('open', 'Open'), ' ', choose('all', 'All')), list);

  const load = async (next, shown) => {
    let page;
    try {
      page = await get(next ?? `/api/v1/alerts?state=${state}&limit=50`);
    } catch (e) {
      replace(list, notice('error', e.message));
      return;
    }
    const rows = shown.concat(page.alerts);
    const badge = document.getElementById('alert-count');
    if (badge) {
      badge.textContent = page.open;
      badge.hidden = page.open === 0;
    }
    replace(list, h('p', {}, `${page.open} open.`),
      rows.length ? h('table', { class: 'list', id: 'alerts' },
        h('thead', {}, h('tr', {}, ['Raised', 'What', 'Meter', 'Detail', 'Acknowledged'].map((c) => h('th', {}, c)))),
        h('tbody', {}, rows.map((a) => h('tr', { dataset: { alert: a.id, kind: a.kind } },
          h('td', {}, time(a.raisedAt)), h('td', {}, KINDS[a.kind] ?? a.kind),
          h('td', {}, a.meterId ? h('a', { href: `#/meter/${encodeURIComponent(a.meterId)}` }, a.meterId) : '—'),
          h('td', {}, a.detail),
          h('td', { class: 'ack' }, a.acknowledgedBy ? `${a.acknowledgedBy}, ${time(a.acknowledgedAt)}`
            : me.role === 'operator' ? h('button', { type: 'button', class: 'acknowledge', onclick: async (e) => {
              e.target.disabled = true;
              try {
                await api('POST', `/api/v1/alerts/${a.id}/acknowledge`);
              } catch (err) {
                list.prepend(notice('error', err.message));
              }
              load(null, []);
            } }, 'Acknowledge') : 'open'))))) : notice('info', state === 'open' ? 'Nothing waits for you.' : 'No notifications yet.'),
      page.next ? h('button', { type: 'button', onclick: () => load(page.next, rows) }, 'More') : null);
  };
  await load(null, []);
}
