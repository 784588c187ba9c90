import { describe, expect, it } from 'vitest';
import { readSourceBars } from './readSourceBars.js';

const yahoo =
  'Date,Adj Close,Close,High,Low,Open,Volume\n2018-12-31,1,2,3,4,5,6\n2019-01-02,1.5,2.5,3,4,5,7.0\n2019-01-03,1,2,3,4,5,8\n';

describe('readSourceBars', () => {
  it('maps columns by name, keeps strings and one bar before the window', () => {
    expect(readSourceBars(yahoo, 'y.csv', '2019-01-02', '2019-01-02')).toEqual([
      {
        date: '2018-12-31',
        open: '5',
        high: '3',
        low: '4',
        close: '2',
        adjClose: '1',
        volume: '6',
      },
      {
        date: '2019-01-02',
        open: '5',
        high: '3',
        low: '4',
        close: '2.5',
        adjClose: '1.5',
        volume: '7.0',
      },
    ]);
  });
  it('reads lower-case headers with adj_close', () => {
    const bars = readSourceBars(
      'date,open,high,low,close,adj_close,volume\n2019-01-02,1,1,1,1,1,1\n',
      'b.csv',
      '2019-01-01',
      '2019-12-31',
    );
    expect(bars.map((b) => b.close)).toEqual(['1']);
  });
  it('names file and line of a bad close or an out-of-order date', () => {
    expect(() =>
      readSourceBars(
        'Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-02,1,1,1,null,1,1\n',
        'y.csv',
        '2019-01-01',
        '2019-12-31',
      ),
    ).toThrow('y.csv:2: expected a decimal close, found "null"');
    expect(() =>
      readSourceBars(
        'Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-03,1,1,1,1,1,1\n2019-01-02,1,1,1,1,1,1\n',
        'y.csv',
        '2019-01-01',
        '2019-12-31',
      ),
    ).toThrow('y.csv:3: dates must ascend, 2019-01-02 follows 2019-01-03');
  });
});
