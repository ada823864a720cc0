// The console's shell: login, the navigation each role gets, and the hash router (#/collection,
// #/meter/<id>, #/mass-reads, #/reports/<day>, #/alerts).
import { api, get, session, whenUnauthorised } from './api.js';
import { h, notice, replace } from './dom.js';
import { collectionPage } from './collection.js';
import { meterPage } from './meter.js';
import { massReadsPage } from './mass-reads.js';
import { alertsPage, openAlerts } from './alerts.js';
import { reportsPage } from './reports.js';

const PAGES = [
  { path: 'collection', title: 'Tonight', roles: ['operator', 'administrator'], render: collectionPage },
  { path: 'meter', title: 'Meters', roles: ['operator', 'field-tool', 'administrator', 'third-party'], render: meterPage },
  { path: 'mass-reads', title: 'Mass reads', roles: ['operator', 'administrator'], render: massReadsPage },
  { path: 'reports', title: 'Reports', roles: ['operator', 'administrator'], render: reportsPage },
  { path: 'alerts', title: 'Notifications', roles: ['operator', 'administrator'], render: alertsPage },
];

const view = document.getElementById('view');
let me = null;
let leave = new AbortController();
let badgeTimer = null;

whenUnauthorised(() => showLogin('Your session has ended; log in again.'));

function showLogin(message) {
  me = null;
  leave.abort();
  clearInterval(badgeTimer);
  document.getElementById('top').hidden = true;
  const error = h('div');
  const form = h('form', { class: 'card login', id: 'login-form' },
    h('h1', {}, 'ADCS operator console'),
    message ? notice('info', message) : null,
    h('label', {}, 'User name', h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true })),
    h('label', {}, 'Password', h('input', { name: 'password', id: 'password', type: 'password',
      autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', id: 'login' }, 'Log in'),
    error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      const { body } = await api('POST', '/api/v1/auth/login', { username: data.get('username'), password: data.get('password') });
      session.set(body.token);
      await start();
    } catch (err) {
      replace(error, notice('error', err.message));
    }
  });
  replace(view, form);
}

async function start() {
  try {
    me = await get('/api/v1/auth/me');
  } catch (e) {
    showLogin();
    return;
  }
  document.getElementById('top').hidden = false;
  document.getElementById('who').textContent = `${me.name} (${me.role})`;
  const allowed = PAGES.filter((p) => p.roles.includes(me.role));
  replace(document.getElementById('nav'), allowed.map((p) => h('a', { href: `#/${p.path}`, id: `nav-${p.path}` }, p.title,
    p.path === 'alerts' ? h('span', { class: 'badge', id: 'alert-count', hidden: true }) : null)));
  if (allowed.some((p) => p.path === 'alerts')) {
    const badge = () => openAlerts().then((n) => {
      const b = document.getElementById('alert-count');
      if (b) {
        b.textContent = n;
        b.hidden = n === 0;
      }
    }).catch(() => {});
    badge();
    clearInterval(badgeTimer);
    badgeTimer = setInterval(badge, 15000);
  }
  if (!location.hash || !route()) location.hash = `#/${allowed[0]?.path ?? 'meter'}`;
  else render();
}

function route() {
  const [, path, ...rest] = location.hash.split('/');
  const page = PAGES.find((p) => p.path === path && p.roles.includes(me?.role));
  return page ? { page, args: rest.map(decodeURIComponent) } : null;
}

function render() {
  if (!me) return;
  leave.abort();
  leave = new AbortController();
  const found = route();
  if (!found) {
    replace(view, notice('error', 'There is no such page for your role.'));
    return;
  }
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.id === `nav-${found.page.path}`);
  const container = h('section', { class: `page page-${found.page.path}` });
  replace(view, container);
  found.page.render(container, { me, args: found.args, signal: leave.signal }).catch((e) => {
    container.append(notice('error', e.message));
  });
}

window.addEventListener('hashchange', render);
document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('POST', '/api/v1/auth/logout');
  } catch {
    // the token is forgotten here either way
  }
  session.clear();
  location.hash = '';
  showLogin('Logged out.');
});

if (session.token()) start();
else showLogin();
