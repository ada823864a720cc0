// An interval chart drawn in SVG: one bar per interval, coloured by its status, with the value and
// status in each bar's tooltip. Status 0 is a valid interval; any other value is the meter's status
// bits (power down, clock adjusted, ...), shown as flagged.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
  for (const c of children) element.append(c);
  return element;
}

export function statusName(status) {
  return status === 0 ? 'valid' : `flagged 0x${status.toString(16).padStart(2, '0')}`;
}

/** How an on-demand read's status shows: valid, or flagged by the meter's status bits. */
export const meterStatus = { cls: (status) => (status === 0 ? 'valid' : 'flagged'), name: statusName };

/** How a stored reading's validation status shows (null: raw data, not validated). */
const VALIDATION = { VAL: 'valid', EST: 'estimated', NV: 'needs-verify', NVE: 'needs-verify' };
export const validationStatus = { cls: (status) => VALIDATION[status] ?? 'valid', name: (status) => VALIDATION[status] ?? 'raw' };

/** intervals: [{end, value, unit, status}] of one channel, in time order; statuses shown as {cls, name}. */
export function intervalChart(channel, intervals, statuses = meterStatus) {
  const width = 720;
  const height = 180;
  const pad = { left: 56, right: 8, top: 12, bottom: 28 };
  const values = intervals.map((i) => Number(i.value));
  const max = Math.max(...values, 0) || 1;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const step = plotW / Math.max(intervals.length, 1);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-label': `${channel}: ${intervals.length} intervals`, 'data-channel': channel, 'data-intervals': intervals.length });
  chart.append(svg('line', { x1: pad.left, y1: pad.top + plotH, x2: width - pad.right, y2: pad.top + plotH, class: 'axis' }));
  const label = (x, y, text, anchor = 'end') => {
    const t = svg('text', { x, y, 'text-anchor': anchor, class: 'tick' });
    t.textContent = text;
    return t;
  };
  chart.append(label(pad.left - 4, pad.top + 8, `${max} ${intervals[0]?.unit ?? ''}`));
  chart.append(label(pad.left - 4, pad.top + plotH, '0'));
  intervals.forEach((interval, n) => {
    const value = values[n];
    const barH = Math.max(1, (value / max) * plotH);
    const bar = svg('rect', { x: pad.left + n * step + 0.5, y: pad.top + plotH - barH, width: Math.max(1, step - 1), height: barH,
      class: `interval ${statuses.cls(interval.status)}`, 'data-status': interval.status });
    const tip = svg('title', {});
    tip.textContent = `${interval.end}: ${interval.value} ${interval.unit} (${statuses.name(interval.status)})`;
    bar.append(tip);
    chart.append(bar);
  });
  if (intervals.length) {
    chart.append(label(pad.left, height - 8, intervals[0].end.slice(0, 16).replace('T', ' '), 'start'));
    chart.append(label(width - pad.right, height - 8, intervals[intervals.length - 1].end.slice(0, 16).replace('T', ' ')));
  }
  return chart;
}

const percent = (v) => `${Number((100 * v).toFixed(2))} %`; // 99.99 % stays 99.99 %, 80 % stays 80 %
export const formats = { count: (v) => Number(v).toLocaleString('en'), share: percent };

/**
 * Grouped bars: categories [{label, values: [number|null per series]}], series [{name, cls}], a format
 * ('count' or 'share'), and optional targets [{value, name}] drawn as dashed lines. Every bar carries
 * data-category, data-series and data-value so what the chart says can be checked as well as seen.
 */
export function barChart(id, { categories, series, format = 'count', targets = [], max }) {
  const width = 720;
  const height = 200;
  const pad = { left: 64, right: 8, top: 14, bottom: 40 };
  const show = formats[format];
  const all = categories.flatMap((c) => c.values).filter((v) => v !== null && v !== undefined).map(Number);
  const top = max ?? (Math.max(...all, ...targets.map((t) => t.value), 0) || 1);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const groupW = plotW / Math.max(categories.length, 1);
  const barW = Math.max(2, Math.min(48, (groupW - 6) / series.length));
  const y = (v) => pad.top + plotH - (v / top) * plotH;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart bars', id, role: 'img',
    'aria-label': `${id}: ${series.map((s) => s.name).join(', ')}` });
  const label = (x, yy, text, anchor = 'end', cls = 'tick') => {
    const t = svg('text', { x, y: yy, 'text-anchor': anchor, class: cls });
    t.textContent = text;
    return t;
  };
  chart.append(svg('line', { x1: pad.left, y1: pad.top + plotH, x2: width - pad.right, y2: pad.top + plotH, class: 'axis' }),
    label(pad.left - 4, pad.top + 8, show(top)), label(pad.left - 4, pad.top + plotH, show(0)));
  categories.forEach((category, c) => {
    const x0 = pad.left + c * groupW + (groupW - barW * series.length) / 2;
    category.values.forEach((value, s) => {
      if (value === null || value === undefined) return; // not yet known (a deadline ahead): no bar
      const v = Number(value);
      const bar = svg('rect', { x: x0 + s * barW, y: y(v), width: barW - 1, height: Math.max(v > 0 ? 1 : 0, pad.top + plotH - y(v)),
        class: `col ${series[s].cls}`, 'data-category': category.label, 'data-series': series[s].name, 'data-value': v });
      const tip = svg('title', {});
      tip.textContent = `${category.label} · ${series[s].name}: ${show(v)}`;
      bar.append(tip);
      chart.append(bar);
      if (categories.length * series.length <= 12) chart.append(label(x0 + s * barW + barW / 2, y(v) - 3, show(v), 'middle', 'value'));
    });
    chart.append(label(pad.left + c * groupW + groupW / 2, height - pad.bottom + 14, category.label, 'middle'));
  });
  for (const t of targets) {
    chart.append(svg('line', { x1: pad.left, y1: y(t.value), x2: width - pad.right, y2: y(t.value), class: 'target' }),
      label(width - pad.right, y(t.value) - 3, `${t.name} ${show(t.value)}`, 'end', 'tick target-label'));
  }
  const legend = svg('g', {});
  series.forEach((s, n) => {
    legend.append(svg('rect', { x: pad.left + n * 130, y: height - 14, width: 10, height: 10, class: `col ${s.cls}` }),
      label(pad.left + n * 130 + 14, height - 5, s.name, 'start'));
  });
  chart.append(legend);
  return chart;
}
