import { readFileSync } from 'node:fs';
import { parseLedgerText } from './src/parser/parser.js';
import { compareEntries } from './src/operations/entryOrder.js';
import { insertPadding } from './src/operations/pad.js';
import { checkBalances } from './src/operations/checkBalances.js';
import { validateEntries } from './src/operations/validate.js';
import { defaultOptions } from './src/parser/options.js';
import { bookTransaction } from './src/booking/bookTransaction.js';
import { Inventory } from './src/core/inventory.js';
const f='/work/shared/data/beancount/ledgers/example-1.beancount';
const text=readFileSync(f,'utf8');
const T:Record<string,number[]>={};
const t=(k:string, fn:()=>any)=>{const c0=performance.now(); const r=fn(); (T[k]??=[]).push(performance.now()-c0); return r;};
for(let i=0;i<60;i++){
  const o=defaultOptions();
  const parsed=t('parse',()=>parseLedgerText(text,f).directives);
  t('sort',()=>parsed.sort(compareEntries));
  const booked=t('book',()=>{const ctx={options:o,balances:new Map<string,Inventory>(),bookingMethodOf:()=> 'STRICT' as const}; const out:any[]=[]; for(const d of parsed){ if(d.type!=='Transaction'){out.push(d);continue;} const r=bookTransaction(d,ctx); out.push({...d,postings:r.postings}); } return out;});
  const padded=t('pad',()=>insertPadding(booked,o));
  const checked=t('balance',()=>checkBalances(padded.entries,o));
  t('validate',()=>validateEntries(checked.entries,o));
}
for(const [k,v] of Object.entries(T)){v.sort((a,b)=>a-b); console.log(k,'min',v[0].toFixed(2),'p25',v[15].toFixed(2));}
