#!/usr/bin/python3
"""Which words keep held-out names from their entity: for each leave-one-out miss of the
evaluation, its entity's remaining names in Latin letters are scored against it
(`dualwatch_eval --pairs`), and the best pair's words left unmatched on each side are printed,
most telling first. A word unmatched on the query side beside one on the list side is often a
translation no table holds yet (data/text/org_words_extra.tsv: "vrtulníky" / helicopter).

  DUALWATCH_EVAL_DEBUG=1 build/dualwatch_eval > /tmp/r.md 2> /tmp/r.err
  tools/loo_pairs.py /tmp/r.err [DATASET_PREFIX]     # e.g. eu_ for the EU's lists only

A development aid (a few seconds); not part of the tests.
"""
import os
import re
import subprocess
import sys
import tempfile

debug = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else ""
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
latin = re.compile(r"[A-Za-z0-9 ,.'‘’“”\"()&\-–/]+")

pairs, held = [], None
for line in open(debug, encoding="utf-8", errors="replace"):
    m = re.match(r"LOO miss: rank \d+ of \d+: (.*) \(([^)]*)\) ->", line)
    if m:
        held = m.group(1).replace("\t", " ") if m.group(2).startswith(prefix) else None
        continue
    m = re.match(r"    ([\d.]+) (.*)", line.rstrip("\n"))
    if held and m and float(m.group(1)) >= 0.35 and latin.fullmatch(m.group(2)):
        pairs.append(f"{held}\t{m.group(2)}\n")

with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
    f.writelines(pairs)
out = subprocess.run([os.path.join(root, "build", "dualwatch_eval"), "--pairs", f.name],
                     capture_output=True, text=True, check=True).stdout
os.unlink(f.name)

best = {}  # held-out name -> (score, its pair's explanation lines)
for block in re.split(r"\n(?=\d\.\d{3}  )", out):
    m = re.match(r"(\d\.\d{3})  (.*?)  /  ", block)
    if m and (m.group(2) not in best or float(m.group(1)) > best[m.group(2)][0]):
        best[m.group(2)] = (float(m.group(1)), block.split("\n"))
for name, (score, lines) in sorted(best.items(), key=lambda kv: -kv[1][0]):
    unmatched = [l for l in lines[1:] if " unmatched " in l]
    query = [l[2:27].strip() for l in unmatched if l[2:27].strip()]
    listed = [l[27:52].strip() for l in unmatched if l[27:52].strip()]
    if query and listed:
        print(f"{score:.2f}  {name[:60]}  ||  {lines[0].split('  /  ')[1][:50]}  ||  "
              f"{', '.join(query)}  ->  {', '.join(listed)}")
