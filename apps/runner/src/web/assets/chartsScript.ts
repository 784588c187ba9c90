/**
 * The browser side of the portfolio charts (served at /assets/charts.js after uPlot's own
 * bundle, /assets/uplot.js). It reads the page's `<script type="application/json"
 * id="chart-data">` — `{days, values, twr, benchmark, drawdown, currency, benchmarkSymbol}` (see pages/chartSeries.ts) — and draws
 * each `<div data-chart="value|return|drawdown">` as a uPlot canvas. Plain ES2017, no
 * build step; kept as text so the server can send it without touching the file system.
 */
export const chartsScript = `
(function () {
  'use strict';
  var source = document.getElementById('chart-data');
  if (!source || typeof uPlot !== 'function') return;
  var data = JSON.parse(source.textContent);
  var xs = data.days.map(function (d) { return d * 86400; });
  var pct = function (u, vals) { return vals.map(function (v) { return v == null ? '' : (v * 100).toFixed(0) + '%'; }); };
  var specs = {
    value: { series: [{ label: 'value (' + data.currency + ')', stroke: '#175cd3', values: data.values }], axis: null },
    return: { series: [
      { label: 'portfolio TWR', stroke: '#175cd3', values: data.twr },
      { label: 'benchmark ' + data.benchmarkSymbol, stroke: '#b54708', values: data.benchmark }
    ], axis: pct },
    drawdown: { series: [{ label: 'drawdown', stroke: '#b42318', fill: 'rgba(180,35,24,0.12)', values: data.drawdown }], axis: pct }
  };
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var spec = specs[el.getAttribute('data-chart')];
    if (!spec) return;
    var opts = {
      width: Math.max(320, el.clientWidth || 900), height: 220,
      series: [{}].concat(spec.series.map(function (s) { return { label: s.label, stroke: s.stroke, fill: s.fill, width: 1.5, spanGaps: true }; })),
      axes: [{}, spec.axis ? { values: spec.axis, size: 60 } : { size: 80 }],
      scales: { x: { time: true } }
    };
    new uPlot(opts, [xs].concat(spec.series.map(function (s) { return s.values; })), el);
    el.setAttribute('data-rendered', 'true');
  });
})();
`;
