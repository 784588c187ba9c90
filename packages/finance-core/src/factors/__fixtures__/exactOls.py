"""Exact OLS coefficients of the reference factor-model windows, by rational arithmetic.

Every float of the inputs is an exact binary fraction, so solving the normal equations
XᵀX·b = Xᵀy with Python's `fractions.Fraction` gives the true least-squares solution of
the data as stored, rounded once at the end. Independent of numpy/statsmodels and of our
TypeScript: used to judge a reference value that is itself off by more than the tolerance.

Run from this folder:  python3 exactOls.py > exactOls.json
"""
import csv
import json
from fractions import Fraction
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "__fixtures__" / "reference"
CASES = ["P1_2021-09-22", "P1_2023-06-15", "P1_2024-12-31", "P2_2024-12-31"]


def solve(a, b):
    q = len(b)
    for c in range(q):
        for r in range(c + 1, q):
            f = a[r][c] / a[c][c]
            for k in range(c, q):
                a[r][k] -= f * a[c][k]
            b[r] -= f * b[c]
    x = [Fraction(0)] * q
    for c in range(q - 1, -1, -1):
        x[c] = (b[c] - sum(a[c][k] * x[k] for k in range(c + 1, q))) / a[c][c]
    return x


def main():
    market = list(csv.DictReader(open(REFERENCE / "data" / "market.csv")))
    names = list(market[0].keys())[4:]
    out = {}
    for case in CASES:
        portfolio = case[:2]
        returns = {r["date"]: r["return"] for r in csv.DictReader(open(REFERENCE / "data" / f"{portfolio}.csv"))}
        expected = json.load(open(REFERENCE / "expected" / f"{case}.json"))["factor_model"]
        out[case] = {}
        for window, record in expected.items():
            if record.get("value", 0) is None:
                continue
            rows = [
                (Fraction(float(returns[r["date"]])), [Fraction(1)] + [Fraction(float(r[n])) for n in names])
                for r in market
                if record["first_date"] <= r["date"] <= record["last_date"] and returns.get(r["date"], "") != ""
            ]
            q = len(names) + 1
            xtx = [[sum(x[i] * x[j] for _, x in rows) for j in range(q)] for i in range(q)]
            xty = [sum(x[i] * y for y, x in rows) for i in range(q)]
            coefficients = solve(xtx, xty)
            out[case][window] = {
                "n_obs": len(rows),
                "intercept_daily": float(coefficients[0]),
                "loadings": {n: float(c) for n, c in zip(names, coefficients[1:])},
            }
    print(json.dumps(out, indent=1))


main()
