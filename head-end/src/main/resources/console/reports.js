// Morning reports (R-MIS-1, R-MIS-2, R-MIS-4, R-VEE-4, R-OPS-5) for a picked day: the completeness
// run's exceptions and recoveries, open trouble reports by age, and data quality, timeliness and
// service levels over the week ending that day. Charts where a chart says it faster; the long lists
// are paged by the server (offset/limit), never fetched whole.
import { ApiError, get } from './api.js';
import { h, notice, number, replace, time } from './dom.js';
import { barChart, formats } from './chart.js';

const PAGE = 50;
const WEEK = 7;

const shiftDay = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

export async function reportsPage(container, { args, signal }) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(args[0] ?? '') ? args[0] : shiftDay(new Date().toISOString().slice(0, 10), -1);
  const picker = h('input', { type: 'date', id: 'report-day', value: day, required: true });
  const form = h('form', { class: 'toolbar', id: 'report-form' }, h('label', {}, 'Read day', picker),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (picker.value) location.hash = `#/reports/${picker.value}`;
  });
  const sections = {
    exceptions: h('div', { class: 'card', id: 'report-exceptions' }),
    trouble: h('div', { class: 'card', id: 'report-trouble' }),
    quality: h('div', { class: 'card', id: 'report-quality' }),
    timeliness: h('div', { class: 'card', id: 'report-timeliness' }),
    service: h('div', { class: 'card', id: 'report-service' }),
  };
  replace(container, h('h1', {}, `Morning reports for ${day}`), form, Object.values(sections));
  const from = shiftDay(day, -(WEEK - 1));
  const period = `from=${from}&to=${day}`;
  await Promise.all([
    section(sections.exceptions, 'Exceptions and recoveries', () => exceptions(sections.exceptions, day, signal)),
    section(sections.trouble, 'Trouble reports by age', () => trouble(sections.trouble, signal)),
    section(sections.quality, `Data quality, ${from} to ${day}`, () => quality(sections.quality, period)),
    section(sections.timeliness, `Timeliness, ${from} to ${day}`, () => timeliness(sections.timeliness, period)),
    section(sections.service, `Service levels, ${from} to ${day}`, () => service(sections.service, period)),
  ]);
}

/** Fills one card; a failure shows in that card alone. */
async function section(card, title, fill) {
  replace(card, h('h2', {}, title), h('p', { class: 'pending' }, 'Loading…'));
  try {
    const parts = await fill();
    replace(card, h('h2', {}, title), parts);
  } catch (e) {
    replace(card, h('h2', {}, title), notice(e instanceof ApiError && e.status === 404 ? 'info' : 'error', e.message));
  }
}

async function exceptions(card, day, signal) {
  const first = await get(`/api/v1/reports/exceptions?date=${day}&limit=${PAGE}`);
  const s = first.summary;
  const chart = barChart('chart-recovery', {
    categories: [
      { label: 'on schedule', values: [s.onSchedule] }, { label: 'recovered', values: [s.recovered] },
      { label: 'partially', values: [s.partiallyRecovered] }, { label: 'failed', values: [s.failed] }],
    series: [{ name: 'meters', cls: 'neutral' }],
  });
  const outcome = h('select', { id: 'recovery-outcome' }, h('option', { value: '' }, 'all outcomes'),
    ['recovered', 'partially_recovered', 'failed'].map((o) => h('option', { value: o }, o.replace('_', ' '))));
  const recoveries = h('div', { id: 'recoveries' });
  const showRecoveries = () => paged(recoveries, (offset) =>
    `/api/v1/reports/recoveries?date=${day}${outcome.value ? `&outcome=${outcome.value}` : ''}&offset=${offset}&limit=${PAGE}`,
  EXCEPTION_COLUMNS, signal);
  outcome.addEventListener('change', showRecoveries);
  const lines = h('div', { id: 'exceptions' });
  await Promise.all([paged(lines, (offset) => `/api/v1/reports/exceptions?date=${day}&offset=${offset}&limit=${PAGE}`,
    EXCEPTION_COLUMNS, signal, first), showRecoveries()]);
  return [
    h('p', {}, `Run ${time(s.started)} – ${time(s.finished)}${s.scanComplete ? '' : ' (scan incomplete)'}: `
      + `${number(s.total)} meters, ${number(s.attempted)} attempted, ${number(s.daysMissing)} days missing, `
      + `${number(s.daysRecovered)} recovered (${number(s.intervalsRecovered)} intervals), ${number(s.intermittent)} intermittent.`),
    chart, h('h3', {}, 'Still missing data'), lines, h('h3', {}, 'Recoveries'), h('div', { class: 'toolbar' }, outcome), recoveries];
}

const EXCEPTION_COLUMNS = [
  ['Meter', (r) => h('a', { href: `#/meter/${encodeURIComponent(r.meterId)}` }, r.meterId)], ['Outcome', (r) => r.outcome],
  ['Pattern', (r) => r.pattern], ['Missing', (r) => r.missingRanges], ['Still missing', (r) => r.stillMissingRanges],
  ['Days missing', (r) => number(r.daysMissing), 'num'], ['Recovered', (r) => number(r.daysRecovered), 'num'],
  ['Failures', (r) => number(r.readFailures), 'num'], ['Path', (r) => r.lastPath]];

async function trouble(card, signal) {
  const first = await get(`/api/v1/reports/trouble?limit=${PAGE}`);
  const s = first.summary;
  const lines = h('div', { id: 'trouble-lines' });
  await paged(lines, (offset) => `/api/v1/reports/trouble?offset=${offset}&limit=${PAGE}`, [
    ['Id', (r) => r.id], ['Meter', (r) => h('a', { href: `#/meter/${encodeURIComponent(r.meterId)}` }, r.meterId)],
    ['Opened', (r) => time(r.opened)], ['Reason', (r) => r.reason], ['Missing', (r) => r.missingRanges],
    ['Age (h)', (r) => number(r.ageHours), 'num'], ['Bucket', (r) => r.ageBucket]], signal, first);
  return [
    h('p', {}, `${number(s.open)} open at ${time(s.at)}.`),
    barChart('chart-aging', {
      categories: [{ label: 'up to a day', values: [s.upToOneDay] }, { label: 'up to a week', values: [s.upToOneWeek] },
        { label: 'older', values: [s.overOneWeek] }],
      series: [{ name: 'open reports', cls: 'late' }],
    }), lines];
}

/** Per-day rows and the total row (day 'total') of the period reports. */
const split = (rows) => ({ days: rows.filter((r) => r.day !== 'total'), total: rows.find((r) => r.day === 'total') });

async function quality(card, period) {
  const report = await get(`/api/v1/reports/data-quality?${period}`);
  const { days, total } = split(report.rows);
  return [
    h('p', { id: 'quality-total' }, total ? `${number(total.estimatedIntervals)} of ${number(total.expectedIntervals)} intervals estimated`
      + ` (${share(total.estimatedShare)}, target ${share(report.summary.estimatedTarget)}); ${number(total.metersWithEstimate)}`
      + ` of ${number(total.meters)} meters with an estimate (${share(total.metersWithEstimateShare)},`
      + ` target ${share(report.summary.metersWithEstimateTarget)}).` : ''),
    barChart('chart-quality', {
      categories: days.map((r) => ({ label: r.day.slice(5), values: [r.estimatedShare] })),
      series: [{ name: 'estimated share', cls: 'estimated' }], format: 'share',
      targets: [{ name: 'target', value: report.summary.estimatedTarget }],
    }),
    table(days, [['Day', (r) => r.day], ['Expected', (r) => number(r.expectedIntervals), 'num'],
      ['Read', (r) => number(r.readIntervals), 'num'], ['Estimated', (r) => number(r.estimatedIntervals), 'num'],
      ['Share', (r) => share(r.estimatedShare), 'num']], 'quality-rows')];
}

async function timeliness(card, period) {
  const report = await get(`/api/v1/reports/timeliness?${period}`);
  const { days } = split(report.rows);
  const s = report.summary;
  return [
    barChart('chart-timeliness', {
      categories: days.map((r) => ({ label: r.day.slice(5), values: [r.shareDay1, r.shareDay2, r.shareDay5] })),
      series: [{ name: 'by day 1', cls: 'day1' }, { name: 'by day 2', cls: 'day2' }, { name: 'by day 5', cls: 'day5' }],
      format: 'share', max: 1, targets: [{ name: 'day 1', value: s.targetDay1 }, { name: 'day 5', value: s.targetDay5 }],
    }),
    table(days, [['Day', (r) => r.day], ['Expected', (r) => number(r.expectedIntervals), 'num'],
      ['By day 1', (r) => share(r.shareDay1), 'num'], ['By day 2', (r) => share(r.shareDay2), 'num'],
      ['By day 5', (r) => share(r.shareDay5), 'num']], 'timeliness-rows')];
}

async function service(card, period) {
  const report = await get(`/api/v1/reports/service-levels?${period}`);
  const { days } = split(report.rows);
  const s = report.summary;
  return [
    h('p', { id: 'availability' }, `Server availability ${share(s.availability)} (${number(s.upMinutes)} of ${number(s.observedMinutes)} minutes).`),
    barChart('chart-service', {
      categories: days.map((r) => ({ label: r.day.slice(5), values: [r.onScheduleIntervals, r.lateIntervals, r.missingIntervals] })),
      series: [{ name: 'on schedule', cls: 'ok' }, { name: 'late', cls: 'late' }, { name: 'not delivered', cls: 'missed' }],
    })];
}

const share = (v) => (v === null || v === undefined ? '—' : formats.share(v));

function table(rows, columns, id) {
  return h('table', { class: 'list', id },
    h('thead', {}, h('tr', {}, columns.map(([name, , cls]) => h('th', cls ? { class: cls } : {}, name)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map(([, cell, cls]) => h('td', cls ? { class: cls } : {}, cell(r)))))));
}

/** A table paged by the server: url(offset) answers {rows, page: {offset, total, next}}. */
async function paged(area, url, columns, signal, first = null) {
  const show = async (offset, report) => {
    const r = report ?? await get(url(offset));
    if (signal.aborted) return;
    const page = r.page ?? { offset, total: r.rows.length, next: null };
    const shown = page.offset + r.rows.length;
    replace(area, r.rows.length ? table(r.rows, columns) : notice('info', 'None.'),
      h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'prev', disabled: page.offset === 0,
          onclick: () => show(Math.max(0, page.offset - PAGE)) }, 'Previous'),
        h('span', {}, r.rows.length ? `${number(page.offset + 1)}–${number(shown)} of ${number(page.total)}` : ''),
        h('button', { type: 'button', class: 'next', disabled: page.next === null || page.next === undefined,
          onclick: () => show(page.next) }, 'Next')));
  };
  await show(0, first);
}
