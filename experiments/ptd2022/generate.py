#!/usr/bin/env python3
"""Writes the designed-student descriptors of ptd2022 (Park & No 2022, Table 3 shape): for each pruned teacher, the
sparsity-matched student trained alone, distilled from the unpruned teacher and distilled from the pruned one. Every
other setting is kd-unpruned.yaml's, so the rows differ only in their teacher and architecture."""
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMON = """seeds: [1, 2, 3]
dataset:
  name: fashion-mnist
  params: {{source: embedded}}
{teacher}student:
  model: {{family: sparsity-matched}}
  source: {{experiment: ../prune-{sparsity}.yaml}}
{distiller}training:
  epochs: 8
  batch-size: 128
  optimizer: {{name: sgd, params: {{learning-rate: 0.05, momentum: 0.9, nesterov: true, weight-decay: 0.0005}}}}
  schedule: {{name: cosine}}
  augmentation: {{horizontal-flip: true}}
profiles:
  quick:
    seeds: [1]
    dataset: {{params: {{train-size: 2000, test-size: 1000}}}}
    training: {{epochs: 3}}
  full:
    dataset: {{params: {{source: debian, train-size: 10000}}}}
"""
KD = "distiller:\n  name: hinton-kd\n  params: {temperature: 10, alpha: 0.95}\n"
CE = "distiller:\n  name: cross-entropy\n"
VARIANTS = {
    "alone": ("trained alone on the labels", "", CE),
    "kd-unpruned": ("distilled from the unpruned VGG-19/4", "teacher: {{experiment: ../teacher.yaml}}\n", KD),
    "kd-pruned": ("distilled from the VGG-19/4 pruned to {sparsity}%", "teacher: {{experiment: ../prune-{sparsity}.yaml}}\n",
                  KD),
}

for sparsity in (36, 59, 79):
    for variant, (what, teacher, distiller) in VARIANTS.items():
        what = what.format(sparsity=sparsity)
        header = (f"# Park & No's designed student for {sparsity}% sparsity: VGG-19/4's depth, each layer as wide as makes its\n"
                  f"# dense weights match the non-zero weights of the same layer of prune-{sparsity}'s model (same seed),\n"
                  f"# {what}. Written by generate.py.\n")
        body = COMMON.format(teacher=teacher.format(sparsity=sparsity), sparsity=sparsity, distiller=distiller)
        text = (header + f"experiment: ptd2022/designed/st{sparsity}-{variant}\n"
                + f"title: \"st{sparsity} (designed for {sparsity}% sparsity), {what}\"\n" + body)
        (HERE / "designed" / f"st{sparsity}-{variant}.yaml").write_text(text)
