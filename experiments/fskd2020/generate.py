#!/usr/bin/env python3
"""Writes the FSKD descriptors: for each compressor, the student before recovery, the four few-sample recoveries
and full-data fine-tuning. Run from this directory; the descriptors are committed, this script only keeps them
consistent."""

COMPRESSORS = {
    "l1-filter": ("teacher.yaml", "L1 filter pruning (VGG-16-pruned-A: half the filters of conv1 and conv8-13)",
                  "{name: l1-filter, params: {ratio: 0.5, layers: [conv1, conv8, conv9, conv10, conv11, conv12, conv13]}}"),
    "network-slimming": ("teacher-sparse.yaml", "network slimming (half of all batch-norm channels, one global threshold)",
                         "{name: network-slimming, params: {percent: 0.5}}"),
    "low-rank": ("teacher.yaml", "low-rank decomposition (rank a quarter of full, every convolution but the first)",
                 "{name: low-rank, params: {rank-ratio: 0.25}}"),
}

ALIGNERS = {
    "fine-tune": ("few-sample-fine-tune", "fine-tune on N labelled images (SGD, cross-entropy)"),
    "fitnet": ("few-sample-fitnet", "FitNet on N unlabelled images (SGD on every weight, block L2)"),
    "fskd-sgd": ("fskd-sgd", "FSKD-SGD on N unlabelled images (every 1x1 Q jointly by SGD)"),
    "fskd": ("fskd-bcd", "FSKD on N unlabelled images (block-coordinate least squares)"),
}

# Extra aligner parameters of one compressor's rows: few-sample fine-tuning of the low-rank and the slimmed students
# diverged at the default learning rate 0.01 (loss NaN, seed 1: low-rank at N=50 and 500, slimmed at N=10 and 100),
# so their rows use 0.003; the l1-filter rows kept 0.01, which never diverged there.
ALIGNER_PARAMS = {("low-rank", "few-sample-fine-tune"): ", learning-rate: 0.003",
                  ("network-slimming", "few-sample-fine-tune"): ", learning-rate: 0.003"}

DATA = """dataset:
  name: fashion-mnist
  params: {source: embedded}"""

PROFILES = """profiles:
  quick:
    seeds: [1]
    dataset: {params: {train-size: 2000, test-size: 1000}}
  full:
    dataset: {params: {source: debian, train-size: 20000}}
"""

# The SGD recoveries' quick form makes 20 passes over the N images instead of 100, so that the quick tables fit minutes.
SGD_PROFILES = PROFILES.replace("test-size: 1000}}\n", "test-size: 1000}}\n    student: {aligner: {params: {epochs: 20}}}\n")

# Full fine-tuning is the one row that trains on the whole split; its quick form trains 2 epochs.
TUNED_PROFILES = PROFILES.replace("test-size: 1000}}\n", "test-size: 1000}}\n    training: {epochs: 2}\n")


def write(path, text):
    with open(path, "w") as file:
        file.write(text)


for folder, (teacher, what, compressor) in COMPRESSORS.items():
    write(f"{folder}/before.yaml", f"""# The teacher compressed by {what}, evaluated as compressed: FSKD's "before recovery" row.
experiment: fskd2020/{folder}/before
title: "{folder}: before recovery"
seeds: [1, 2, 3]
{DATA}
teacher: {{experiment: ../{teacher}}}
student:
  compressor: {compressor}
{PROFILES}""")
    for name, (aligner, description) in ALIGNERS.items():
        write(f"{folder}/{name}.yaml", f"""# The teacher compressed by {what}, then recovered by {description}.
# The table sets student.aligner.params.samples to each N; every aligner of a seed sees the same images.
experiment: fskd2020/{folder}/{name}
title: "{folder}: {aligner}"
seeds: [1, 2, 3]
{DATA}
teacher: {{experiment: ../{teacher}}}
student:
  compressor: {compressor}
  aligner: {{name: {aligner}, params: {{samples: 100{ALIGNER_PARAMS.get((folder, aligner), "")}}}}}
{PROFILES if aligner == "fskd-bcd" else SGD_PROFILES}""")
    write(f"{folder}/full-fine-tune.yaml", f"""# The teacher compressed by {what}, then fine-tuned on every training image with their labels: the
# reference row of FSKD's tables (Li et al. 2017 retrain 40 epochs at lr 0.001; here 5 epochs at 0.01, cosine).
experiment: fskd2020/{folder}/full-fine-tune
title: "{folder}: full-data fine-tune"
seeds: [1, 2, 3]
{DATA}
teacher: {{experiment: ../{teacher}}}
student:
  compressor: {compressor}
distiller:
  name: cross-entropy
training:
  epochs: 5
  batch-size: 128
  optimizer: {{name: sgd, params: {{learning-rate: 0.01, momentum: 0.9, weight-decay: 0.0005}}}}
  schedule: {{name: cosine}}
  augmentation: {{horizontal-flip: true}}
{TUNED_PROFILES}""")
