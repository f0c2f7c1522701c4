// The start-up plot (bench/startup.svg): the page as Lighthouse simulated it
// on its slow phone, for the median Lighthouse run of the widget page and of
// the static page, one above the other on one time axis. Each request is a
// bar from its simulated start to its end; the main thread is one row of
// tasks, the part of each task beyond 50 ms (what Total Blocking Time counts)
// drawn darker; lines mark Lighthouse's FCP and LCP estimates. Plain SVG text.

const W = 980;
const LABEL_W = 230;
const RIGHT = 34;
const ROW = 18;
const BAR = 11;
const COLOURS = {
  Document: '#4e79a7',
  Stylesheet: '#9c755f',
  Script: '#f28e2b',
  Fetch: '#e15759',
  Image: '#59a14f',
  Other: '#bab0ac',
};
const TASK = '#76b7b2';
const BLOCKING = '#1f6f6a';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const shortUrl = (u) => {
  const clean = u.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
  return clean.length > 34 ? `…${clean.slice(-33)}` : clean || '/';
};
const colour = (type) => COLOURS[type] ?? COLOURS.Other;

/**
 * The SVG for `panels`: [{ title, timeline: { requests, tasks }, marks: { FCP, LCP } }].
 */
export function startupSvg(panels, { caption = '' } = {}) {
  const end = Math.max(...panels.flatMap((p) => [...p.timeline.requests.map((r) => r.end), ...p.timeline.tasks.map((t) => t.end), ...Object.values(p.marks)]));
  const step = end > 4000 ? 1000 : end > 1600 ? 500 : 250;
  const tMax = Math.ceil(end / step) * step;
  const x = (t) => LABEL_W + (t / tMax) * (W - LABEL_W - RIGHT);
  const out = [];
  let y = 28;
  out.push(`<text x="12" y="18" class="h">${esc(caption)}</text>`);
  for (const p of panels) {
    const rows = p.timeline.requests.length + 1;
    const top = y + 40;
    const bottom = top + rows * ROW;
    out.push(`<text x="12" y="${y + 14}" class="t">${esc(p.title)}</text>`);
    // Grid and time labels.
    for (let t = 0; t <= tMax; t += step) {
      out.push(`<line x1="${x(t).toFixed(1)}" y1="${top - 4}" x2="${x(t).toFixed(1)}" y2="${bottom}" class="g"/>`);
      out.push(`<text x="${x(t).toFixed(1)}" y="${bottom + 13}" class="s" text-anchor="middle">${t} ms</text>`);
    }
    p.timeline.requests.forEach((r, i) => {
      const ry = top + i * ROW;
      out.push(`<text x="${LABEL_W - 8}" y="${ry + BAR - 1}" class="s" text-anchor="end">${esc(shortUrl(r.url))}</text>`);
      const w = Math.max(1.5, x(r.end) - x(r.start));
      out.push(`<rect x="${x(r.start).toFixed(1)}" y="${ry}" width="${w.toFixed(1)}" height="${BAR}" fill="${colour(r.type)}"><title>${esc(`${shortUrl(r.url)} (${r.type}, ${r.priority}): ${r.start.toFixed(0)}–${r.end.toFixed(0)} ms`)}</title></rect>`);
    });
    const ty = top + p.timeline.requests.length * ROW;
    out.push(`<text x="${LABEL_W - 8}" y="${ty + BAR - 1}" class="s" text-anchor="end">main thread</text>`);
    for (const t of p.timeline.tasks) {
      const w = Math.max(0.8, x(t.end) - x(t.start));
      out.push(`<rect x="${x(t.start).toFixed(1)}" y="${ty}" width="${w.toFixed(1)}" height="${BAR}" fill="${TASK}" stroke="#fff" stroke-width="0.6"><title>${esc(`task ${t.start.toFixed(0)}–${t.end.toFixed(0)} ms (${(t.end - t.start).toFixed(0)} ms)`)}</title></rect>`);
      if (t.end - t.start > 50) {
        out.push(`<rect x="${x(t.start + 50).toFixed(1)}" y="${ty}" width="${(x(t.end) - x(t.start + 50)).toFixed(1)}" height="${BAR}" fill="${BLOCKING}"/>`);
      }
    }
    // Marks at the same time share one line and one label.
    const marks = new Map();
    for (const [name, t] of Object.entries(p.marks)) if (t != null) marks.set(Math.round(t), [...(marks.get(Math.round(t)) ?? []), name]);
    [...marks].forEach(([t, names], i) => {
      const mx = x(t).toFixed(1);
      out.push(`<line x1="${mx}" y1="${top - 16 + i * 10}" x2="${mx}" y2="${bottom}" class="m"/>`);
      out.push(`<text x="${(x(t) + 3).toFixed(1)}" y="${top - 8 + i * 10}" class="s mk">${names.join(' = ')} ${t} ms</text>`);
    });
    y = bottom + 26;
  }
  // Legend.
  let lx = 12;
  const legend = [...Object.entries(COLOURS).filter(([k]) => k !== 'Other'), ['other request', COLOURS.Other], ['main-thread task', TASK], ['task beyond 50 ms', BLOCKING]];
  for (const [name, c] of legend) {
    out.push(`<rect x="${lx}" y="${y}" width="10" height="10" fill="${c}"/><text x="${lx + 14}" y="${y + 9}" class="s">${esc(name === 'Fetch' ? 'fetch (the wasm)' : name.toLowerCase())}</text>`);
    lx += 24 + name.length * 6.5 + (name === 'Fetch' ? 60 : 0);
  }
  const h = y + 22;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    '<style>.h{font-size:13px;font-weight:600}.t{font-size:12px;font-weight:600}.s{font-size:10px;fill:#333}.g{stroke:#e4e4e4}.m{stroke:#c0392b;stroke-dasharray:3 2}.mk{fill:#c0392b}</style>',
    `<rect width="${W}" height="${h}" fill="#fff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
