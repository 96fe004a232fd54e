"""The Hu & Liu (KDD 2004) review files in DATA/reviews/hu_liu, read one
annotated sentence at a time. Shared by bench/make_real_corpus,
bench/accuracy/extract_gold.py and bench/themes/coverage."""
import glob
import os


def sentences(data):
    """Yields (product, review, tags, text) for every sentence line
    ("tags##text") of every product file: product is the file name without
    ".txt", review counts the "[t]" lines seen so far (0 before the first),
    tags is the feature annotation before "##" ("picture[+2], zoom[-1]")
    and text the rest of the line as written (not stripped). Comment lines
    ("*...") and readme.txt are skipped."""
    for path in sorted(glob.glob(os.path.join(data, "reviews", "hu_liu", "*.txt"))):
        if os.path.basename(path).lower() == "readme.txt":
            continue
        product, review = os.path.basename(path)[:-4], 0
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("*"):
                    continue
                if line.startswith("[t]"):
                    review += 1
                elif "##" in line:
                    tags, text = line.split("##", 1)
                    yield product, review, tags, text
