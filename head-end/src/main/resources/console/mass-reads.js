// Mass reads: start one (missing data over a timeframe, a read group, or a list of meters), follow
// each with a progress bar, its rate and estimated end, and cancel it.
import { api, get } from './api.js';
import { h, notice, number, replace, time } from './dom.js';

export async function massReadsPage(container, { signal }) {
  const message = h('div', { id: 'mass-read-message' });
  const jobs = h('div', { id: 'mass-read-jobs' });
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  const target = h('select', { name: 'target', id: 'mass-target' },
    h('option', { value: 'missing-data' }, 'Meters missing data'), h('option', { value: 'read-group' }, 'A read group'),
    h('option', { value: 'meters' }, 'A list of meters'));
  const group = h('label', { hidden: true }, 'Read group', h('input', { name: 'group', id: 'mass-group', type: 'number', min: 0 }));
  const list = h('label', { hidden: true }, 'Meter ids (one per line or comma-separated, up to 10,000)',
    h('textarea', { name: 'meterIds', id: 'mass-meters', rows: 4, cols: 40 }));
  const showFields = () => {
    group.hidden = target.value !== 'read-group';
    list.hidden = target.value !== 'meters';
  };
  target.addEventListener('change', showFields);
  const form = h('form', { class: 'card', id: 'mass-form' }, h('h2', {}, 'Start a mass read'),
    h('label', {}, 'Read', target), group, list,
    h('label', {}, 'From day', h('input', { name: 'from', id: 'mass-from', type: 'date', value: yesterday, required: true })),
    h('label', {}, 'To day', h('input', { name: 'to', id: 'mass-to', type: 'date', value: yesterday, required: true })),
    h('button', { type: 'submit', id: 'mass-start' }, 'Start'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const body = { target: target.value, from: data.get('from'), to: data.get('to') };
    if (target.value === 'read-group') body.group = Number(data.get('group'));
    if (target.value === 'meters') body.meterIds = String(data.get('meterIds')).split(/[\s,]+/).filter(Boolean);
    try {
      const { body: started } = await api('POST', '/api/v1/mass-reads', body);
      replace(message, notice('ok', `Mass read ${started.jobId} started.`));
      await refresh();
    } catch (err) {
      replace(message, notice('error', err.message));
    }
  });
  replace(container, h('h1', {}, 'Mass reads'), form, h('h2', {}, 'Mass reads running and recently ended'), jobs);

  const refresh = async () => {
    try {
      const { jobs: all } = await get('/api/v1/mass-reads');
      replace(jobs, all.length ? all.map((j) => job(j, refresh)) : notice('info', 'No mass reads yet.'));
    } catch (e) {
      replace(jobs, notice('error', e.message));
    }
  };
  await refresh();
  const timer = setInterval(refresh, 1000);
  signal.addEventListener('abort', () => clearInterval(timer));
}

function job(j, refresh) {
  const finished = j.done + j.failed;
  const total = finished + j.remaining;
  const percent = total ? Math.floor((100 * finished) / total) : (j.state === 'RUNNING' ? 0 : 100);
  const running = j.state === 'RUNNING';
  return h('div', { class: 'card job', dataset: { job: j.jobId, state: j.state } },
    h('p', {}, h('strong', {}, j.state), ` · mass read ${j.jobId}`),
    h('progress', { max: 100, value: percent, class: 'progress' }, `${percent} %`),
    h('p', { class: 'job-figures' },
      `${percent} % · ${number(j.done)} read, ${number(j.failed)} failed, ${number(j.remaining)} to go`
      + `${j.allFound ? '' : ` (still finding meters: ${number(j.found)} so far)`}`
      + ` · ${j.readsPerMinute} reads/min · estimated end ${running ? time(j.estimatedEnd) : '—'}`),
    running ? h('button', { type: 'button', class: 'cancel', onclick: async () => {
      try {
        await api('DELETE', `/api/v1/mass-reads/${j.jobId}`);
      } finally {
        await refresh();
      }
    } }, 'Cancel') : null);
}
