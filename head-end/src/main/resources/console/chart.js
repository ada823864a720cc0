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

/** intervals: [{end, value, unit, status}] of one channel, in time order. */
export function intervalChart(channel, intervals) {
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
      class: `interval ${interval.status === 0 ? 'valid' : 'flagged'}`, 'data-status': interval.status });
    const tip = svg('title', {});
    tip.textContent = `${interval.end}: ${interval.value} ${interval.unit} (${statusName(interval.status)})`;
    bar.append(tip);
    chart.append(bar);
  });
  if (intervals.length) {
    chart.append(label(pad.left, height - 8, intervals[0].end.slice(0, 16).replace('T', ' '), 'start'));
    chart.append(label(width - pad.right, height - 8, intervals[intervals.length - 1].end.slice(0, 16).replace('T', ' ')));
  }
  return chart;
}
