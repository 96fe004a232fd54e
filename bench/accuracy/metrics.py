#!/usr/bin/env python3
"""Prints the accuracy table for scored sets.

Each argument is SET=VERBATIM_FILE,VADER_FILE, both files holding
`gold<TAB>compound` lines in the same order. Metrics, per system:
  r        Pearson correlation of compound with the numeric gold
  acc2     binary accuracy over items whose gold is not 0: the prediction is
           the label by the +-0.05 thresholds, so a neutral prediction counts
           as wrong
  F1-2     macro-F1 over the positive and negative classes on those items
  F1-3     macro-F1 over positive, neutral and negative, on every item
Options: --split all|tune|heldout (items are numbered from 0 per set; tune =
even, heldout = odd).
"""
import math
import sys


def label(x, thr=0.05):
    return 1 if x >= thr else (-1 if x <= -thr else 0)


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def macro_f1(gold, pred, classes):
    f1s = []
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def metrics(rows):
    gold = [g for g, _ in rows]
    comp = [c for _, c in rows]
    r = pearson(comp, gold)
    bin_rows = [(label(g, 0.5), label(c)) for g, c in rows if g != 0]
    acc2 = sum(1 for g, p in bin_rows if g == p) / len(bin_rows)
    f12 = macro_f1([g for g, _ in bin_rows], [p for _, p in bin_rows], (1, -1))
    f13 = macro_f1([label(g, 0.5) for g in gold], [label(c) for c in comp], (1, 0, -1))
    return r, acc2, f12, f13


def read(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(float(x) for x in line.split("\t")[:2]) for line in f if "\t" in line]


def main(args):
    split = "all"
    if args and args[0].startswith("--split"):
        split = args[0].split("=", 1)[1] if "=" in args[0] else args[1]
        args = args[1:] if "=" in args[0] else args[2:]
    names = ("r", "acc2", "F1-2", "F1-3")
    print(f"split: {split}")
    print(f"| set | n | " + " | ".join(f"{m} vb / vader" for m in names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for arg in args:
        name, files = arg.split("=", 1)
        vb_file, vd_file = files.split(",")
        vb, vd = read(vb_file), read(vd_file)
        assert len(vb) == len(vd), f"{name}: {len(vb)} vs {len(vd)} lines"
        keep = [i for i in range(len(vb)) if split == "all" or (i % 2 == 0) == (split == "tune")]
        a = metrics([vb[i] for i in keep])
        b = metrics([vd[i] for i in keep])
        cells = [f"{x:.3f} / {y:.3f}{'' if x >= y else ' !'}" for x, y in zip(a, b)]
        print(f"| {name} | {len(keep)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
