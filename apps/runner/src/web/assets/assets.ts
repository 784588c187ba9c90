import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { entityTag } from '../api/packResponseCache.js';
import { chartsScript } from './chartsScript.js';
import { styleSheet } from './style.js';

/** A static file the pages load. */
export interface Asset {
  readonly contentType: string;
  readonly body: Buffer;
  readonly etag: string;
}

const require = createRequire(import.meta.url);
let loaded: Map<string, Asset> | null = null;

function asset(contentType: string, text: string | Buffer): Asset {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { contentType, body, etag: entityTag(body.toString('latin1')) };
}

/**
 * The pages' assets by path, all served by this process (no CDN): the stylesheet, uPlot
 * 1.6 (MIT; its minified browser bundle and stylesheet, read from the installed package
 * once) and the charts script.
 */
export function webAssets(): ReadonlyMap<string, Asset> {
  loaded ??= new Map([
    ['/assets/style.css', asset('text/css; charset=utf-8', styleSheet)],
    ['/assets/charts.js', asset('text/javascript; charset=utf-8', chartsScript)],
    [
      '/assets/uplot.js',
      asset(
        'text/javascript; charset=utf-8',
        readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js')),
      ),
    ],
    [
      '/assets/uplot.css',
      asset('text/css; charset=utf-8', readFileSync(require.resolve('uplot/dist/uPlot.min.css'))),
    ],
  ]);
  return loaded;
}
