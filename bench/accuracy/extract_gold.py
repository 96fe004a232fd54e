#!/usr/bin/env python3
"""Writes one `gold<TAB>text` file per labelled data set, for the accuracy
harness (bench/accuracy/run). Gold is a signed number: its sign is the
polarity (0 = neutral) and its size is what Pearson r is computed against.

  clothing   reviews/womens_clothing_reviews.csv: gold = Rating - 3 (-2..+2),
             text = Review Text (rows without text are skipped)
  huliu      reviews/hu_liu/*.txt: gold = sum of the sentence's feature
             strengths ("picture[+2], zoom[-1]##..." -> +1); sentences with
             no feature annotation are 0; "[t]" title lines are skipped
  res14 lap14  absa/{Restaurants,Laptop}_Train_v2.xml: gold = number of
             positive minus number of negative aspect terms (neutral and
             conflict count 0); restaurant sentences without aspect terms
             use their aspect categories instead
  res16 lap16  absa/ABSA16_*_Train_SB1_v2.xml: the same over <Opinion>s

Text is flattened to one line (tabs and newlines become spaces).
Usage: extract_gold.py DATA_DIR OUT_DIR
"""
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import hu_liu  # noqa: E402

POL = {"positive": 1, "negative": -1}


def flat(s):
    return re.sub(r"[\t\r\n]+", " ", s).strip()


def write(out_dir, name, rows):
    with open(os.path.join(out_dir, name + ".tsv"), "w", encoding="utf-8") as f:
        for gold, text in rows:
            if text:
                f.write(f"{gold:g}\t{text}\n")


def clothing(data):
    path = os.path.join(data, "reviews", "womens_clothing_reviews.csv")
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = flat(row.get("Review Text") or "")
            if text:
                yield int(row["Rating"]) - 3, text


STRENGTH = re.compile(r"\[([+-])(\d)\]")


def huliu(data):
    for _, _, tags, text in hu_liu.sentences(data):
        gold = sum((1 if s == "+" else -1) * int(n) for s, n in STRENGTH.findall(tags))
        yield gold, flat(text)


def absa14(data, name):
    root = ET.parse(os.path.join(data, "absa", name)).getroot()
    for s in root.iter("sentence"):
        terms = s.findall("aspectTerms/aspectTerm") or s.findall(
            "aspectCategories/aspectCategory")
        yield sum(POL.get(t.get("polarity"), 0) for t in terms), flat(s.findtext("text") or "")


def absa16(data, name):
    root = ET.parse(os.path.join(data, "absa", name)).getroot()
    for s in root.iter("sentence"):
        ops = s.findall("Opinions/Opinion")
        yield sum(POL.get(o.get("polarity"), 0) for o in ops), flat(s.findtext("text") or "")


def main(data, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    write(out_dir, "clothing", clothing(data))
    write(out_dir, "huliu", huliu(data))
    write(out_dir, "res14", absa14(data, "Restaurants_Train_v2.xml"))
    write(out_dir, "lap14", absa14(data, "Laptop_Train_v2.xml"))
    write(out_dir, "res16", absa16(data, "ABSA16_Restaurants_Train_SB1_v2.xml"))
    write(out_dir, "lap16", absa16(data, "ABSA16_Laptops_Train_SB1_v2.xml"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
