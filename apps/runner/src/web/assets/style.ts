/** The pages' one stylesheet (served at /assets/style.css; no external fonts or images). */
export const styleSheet = `
:root { --fg:#1d2430; --muted:#667085; --line:#e4e7ec; --bg:#fff; --ok:#067647; --warn:#b54708; --bad:#b42318; --accent:#175cd3; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; gap:1.5rem; align-items:center; padding:.6rem 1.2rem; border-bottom:1px solid var(--line); background:#f9fafb; }
header strong { font-size:15px; }
header nav a { margin-right:1rem; color:var(--accent); text-decoration:none; }
main { padding:1rem 1.2rem 3rem; max-width:1200px; }
h1 { font-size:20px; margin:.4rem 0 1rem; } h2 { font-size:16px; margin:1.6rem 0 .6rem; }
table { border-collapse:collapse; width:100%; margin:.4rem 0 1rem; }
th, td { text-align:left; padding:.3rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.02em; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; }
.num { font-variant-numeric:tabular-nums; }
.null { color:var(--muted); border-bottom:1px dotted var(--muted); cursor:help; }
.muted { color:var(--muted); }
.badge { display:inline-block; padding:0 .45rem; border-radius:9px; font-size:12px; background:#eef2f6; }
.badge-fresh, .badge-succeeded, .badge-delivered { background:#dcfae6; color:var(--ok); }
.badge-warming, .badge-running, .badge-pending, .badge-skipped, .badge-interrupted { background:#fef0c7; color:var(--warn); }
.badge-blocked, .badge-failed, .badge-superseded, .badge-dead_lettered, .badge-critical { background:#fee4e2; color:var(--bad); }
.cards { display:flex; flex-wrap:wrap; gap:.8rem; margin:.4rem 0 1rem; }
.card { border:1px solid var(--line); border-radius:8px; padding:.6rem .9rem; min-width:10rem; }
.card .label { color:var(--muted); font-size:12px; } .card .value { font-size:18px; }
.banner { border:1px solid #fedf89; background:#fffaeb; padding:.6rem .9rem; border-radius:8px; margin:.4rem 0 1rem; }
.chart { margin:.4rem 0 1rem; min-height:220px; }
pre { white-space:pre-wrap; background:#f9fafb; padding:.5rem; border-radius:6px; font-size:12px; }
code { font-size:12px; }
.night { border:1px solid var(--line); border-radius:8px; padding:.6rem .9rem; margin:.6rem 0; }
`;
