import { html, type HtmlValue, type SafeHtml } from '../html.js';

/** What every page shares: title, navigation, the stylesheet; charts add the uPlot scripts. */
export interface PageOptions {
  readonly title: string;
  readonly body: HtmlValue;
  /** Load uPlot and the charts script (portfolio page). */
  readonly charts?: boolean;
}

/** A whole HTML document. Every asset is served by this server (no CDN, works offline). */
export function layout(options: PageOptions): SafeHtml {
  const scripts = options.charts
    ? html`<script src="/assets/uplot.js" defer></script>
        <script src="/assets/charts.js" defer></script>`
    : null;
  const uplotCss = options.charts ? html`<link rel="stylesheet" href="/assets/uplot.css" />` : null;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · truth-spine</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/style.css" />
        ${uplotCss}${scripts}
      </head>
      <body>
        <header>
          <strong>truth-spine</strong>
          <nav>
            <a href="/">Runs</a><a href="/breaks">Reconciliation</a><a href="/alerts">Alerts</a
            ><a href="/api/v1/openapi.json">API</a>
          </nav>
        </header>
        <main>${options.body}</main>
      </body>
    </html> `;
}
