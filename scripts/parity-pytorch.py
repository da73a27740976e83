#!/usr/bin/env python3
"""PyTorch twin of experiments/parity (issue 18): the same recipes, trained from the same data files and split.

Replicated from the Java side, so that only the framework differs:
  - data: the Debian Fashion-MNIST IDX files; the stratified training subset, the validation hold-out and the test
    subset drawn by datasets' StratifiedSampler rule (java.util.Random and SplitMix64, re-implemented below); pixels
    (p / 255 - 0.2860) / 0.3530, float32;
  - batches: the kernel's Trainer order (a java.util.Random(seed) permutation per epoch, consecutive slices, the
    last one short) and its Augmenter's left-right flips (java.util.Random(seed ^ 0x5DEECE66D).nextBoolean() per
    image, in batch order);
  - networks, initialisation (the families' defaults: torch-default MLP, RepDistiller's VGG and ResNet schemes),
    SGD with PyTorch momentum over model.parameters() (weight decay on every parameter), the cosine schedule per
    epoch or per iteration, cross-entropy and Hinton KD ((1 - alpha) CE + alpha T^2 KL, batch mean);
  - the KD teacher is the parity CNN teacher trained here with the student's seed, in eval mode.
Weights are drawn by torch's generator (torch.manual_seed(seed)), so the two frameworks start from different draws
of the same distributions: compare means over seeds, not single runs.

Usage: ~/.cache/distill4j/torch-venv/bin/python scripts/parity-pytorch.py [--seeds 1,2,3] [--recipes mlp,teacher-cnn,...]
Writes experiments/parity/pytorch-results.json (merged with earlier results) and prints a Markdown table.
"""
import argparse
import gzip
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"
MEAN, DEVIATION = 0.2860, 0.3530
MASK48 = (1 << 48) - 1
MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
RESULTS = os.path.join(os.path.dirname(__file__), "..", "experiments", "parity", "pytorch-results.json")


class JavaRandom:
    """java.util.Random, bit for bit (its algorithm is fixed by the Java specification)."""

    def __init__(self, seed):
        self.seed = ((seed & MASK64) ^ 0x5DEECE66D) & MASK48

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        value = self.seed >> (48 - bits)
        return value - (1 << bits) if value >= (1 << (bits - 1)) and bits == 32 else value

    def next_int(self, bound):
        if bound & (bound - 1) == 0:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            value = bits % bound
            if bits - value + (bound - 1) < (1 << 31):
                return value

    def next_boolean(self):
        return self.next(1) != 0


def mix(value):
    z = value & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def stream_seed(seed, stage, label):
    return mix(mix(seed + stage * GOLDEN_GAMMA) + label)


def quotas(counts, count):
    total = sum(counts)
    shares = [count * n // total for n in counts]
    remainders = [count * n % total for n in counts]
    for _ in range(count - sum(shares)):
        best = max(range(len(counts)), key=lambda c: (remainders[c], -c))
        shares[best] += 1
        remainders[best] = -1
    return shares


def stratified(labels, classes, count, seed, stage):
    """datasets' StratifiedSampler.sample: largest-remainder quotas, Fisher-Yates per class, file order."""
    members = [[i for i, label in enumerate(labels) if label == c] for c in range(classes)]
    share = quotas([len(m) for m in members], count)
    drawn = []
    for c in range(classes):
        shuffled = list(members[c])
        random = JavaRandom(stream_seed(seed, stage, c))
        for i in range(len(shuffled) - 1, 0, -1):
            j = random.next_int(i + 1)
            shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
        drawn.extend(shuffled[:share[c]])
    return sorted(drawn)


def read_idx(name):
    with gzip.open(os.path.join(DATA, name + ".gz"), "rb") as file:
        content = file.read()
    magic = int.from_bytes(content[0:4], "big")
    count = int.from_bytes(content[4:8], "big")
    if magic == 0x803:
        return np.frombuffer(content, dtype=np.uint8, offset=16).reshape(count, 28, 28)
    return np.frombuffer(content, dtype=np.uint8, offset=8).astype(np.int64)


def load(seed, train_size, validation_fraction=0.1):
    images, labels = read_idx("train-images-idx3-ubyte"), read_idx("train-labels-idx1-ubyte")
    test_images, test_labels = read_idx("t10k-images-idx3-ubyte"), read_idx("t10k-labels-idx1-ubyte")
    subset = stratified(labels.tolist(), 10, train_size or len(labels), seed, 1)
    subset_labels = labels[subset].tolist()
    held = stratified(subset_labels, 10, int(math.floor(len(subset) * validation_fraction + 0.5)), seed, 2)
    kept = sorted(set(range(len(subset))) - set(held))
    test = stratified(test_labels.tolist(), 10, len(test_labels), seed, 3)

    def tensors(pool, pool_labels, indices):
        pixels = (pool[indices].astype(np.float32) / np.float32(255) - np.float32(MEAN)) / np.float32(DEVIATION)
        return torch.from_numpy(pixels.astype(np.float32)).unsqueeze(1), torch.from_numpy(pool_labels[indices])

    train = tensors(images, labels, [subset[p] for p in kept])
    validation = tensors(images, labels, [subset[p] for p in held])
    return train, validation, tensors(test_images, test_labels, test)


def mlp():
    # torch-default: PyTorch's own Linear initialisation.
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 800), nn.ReLU(), nn.Linear(800, 800), nn.ReLU(),
                         nn.Linear(800, 10))


def cnn():
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10))
    # RepDistiller models/vgg.py _initialize_weights (kaiming-normal-fan-out-dense-normal).
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            n = module.kernel_size[0] * module.kernel_size[1] * module.out_channels
            module.weight.data.normal_(0, math.sqrt(2.0 / n))
        elif isinstance(module, nn.BatchNorm2d):
            module.weight.data.fill_(1)
            module.bias.data.zero_()
        elif isinstance(module, nn.Linear):
            module.weight.data.normal_(0, 0.01)
            module.bias.data.zero_()
    return model


class BasicBlock(nn.Module):
    def __init__(self, inputs, width, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, width, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.shortcut = None
        if stride != 1 or inputs != width:
            self.shortcut = nn.Sequential(nn.Conv2d(inputs, width, 1, stride, bias=False), nn.BatchNorm2d(width))

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(out + (x if self.shortcut is None else self.shortcut(x)))


class Resnet8(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.stages = nn.Sequential(BasicBlock(16, 16, 1), BasicBlock(16, 32, 2), BasicBlock(32, 64, 2))
        self.logits = nn.Linear(64, 10)
        # RepDistiller models/resnet.py (kaiming-normal-fan-out); the Linear keeps PyTorch's default.
        for module in self.modules():
            if isinstance(module, nn.Conv2d):
                nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(module, nn.BatchNorm2d):
                nn.init.constant_(module.weight, 1)
                nn.init.constant_(module.bias, 0)

    def forward(self, x):
        return self.logits(F.adaptive_avg_pool2d(self.stages(self.stem(x)), 1).flatten(1))


RECIPES = {
    "mlp": dict(model=mlp, epochs=10, lr=0.05, nesterov=True, flip=False, step="epoch"),
    "mlp-lr-matched": dict(model=mlp, epochs=10, lr=0.005, nesterov=True, flip=False, step="epoch"),
    "teacher-cnn": dict(model=cnn, epochs=10, lr=0.05, nesterov=True, flip=True, step="epoch"),
    "resnet8": dict(model=Resnet8, epochs=6, lr=0.1, nesterov=False, flip=True, step="iteration"),
    "kd-cnn-t4": dict(model=mlp, epochs=10, lr=0.005, nesterov=True, flip=False, step="epoch",
                      teacher="teacher-cnn", temperature=4.0, alpha=0.9),
}
# The same three recipes on 1,800 training images (the *-small.yaml descriptors).
for _name in ("mlp-lr-matched", "teacher-cnn", "kd-cnn-t4"):
    RECIPES[_name + "-small"] = dict(RECIPES[_name], train_size=1800)
RECIPES["kd-cnn-t4-small"]["teacher"] = "teacher-cnn-small"


def kd_loss(logits, teacher_logits, labels, temperature, alpha):
    soft = F.kl_div(F.log_softmax(logits / temperature, dim=1), F.softmax(teacher_logits / temperature, dim=1),
                    reduction="batchmean")
    return (1 - alpha) * F.cross_entropy(logits, labels) + alpha * temperature ** 2 * soft


def accuracy(model, split):
    model.eval()
    features, labels = split
    with torch.no_grad():
        correct = sum((model(features[i:i + 1000]).argmax(1) == labels[i:i + 1000]).sum().item()
                      for i in range(0, len(labels), 1000))
    return correct / len(labels)


def train(name, seed, data, teachers):
    recipe = RECIPES[name]
    (features, labels), validation, test = data
    teacher = None
    if "teacher" in recipe:
        teacher = teachers.get((recipe["teacher"], seed)) or train(recipe["teacher"], seed, data, teachers)[0]
        teacher.eval()
    torch.manual_seed(seed)
    model = recipe["model"]()
    optimizer = torch.optim.SGD(model.parameters(), lr=recipe["lr"], momentum=0.9, nesterov=recipe["nesterov"],
                                weight_decay=5e-4)
    batch_size = 128
    batches = (len(labels) + batch_size - 1) // batch_size
    steps = recipe["epochs"] * (batches if recipe["step"] == "iteration" else 1)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=steps)
    shuffle = JavaRandom(seed)
    flips = JavaRandom(seed ^ 0x5DEECE66D)
    start = time.time()
    for epoch in range(recipe["epochs"]):
        model.train()
        order = list(range(len(labels)))
        for i in range(len(order) - 1, 0, -1):
            j = shuffle.next_int(i + 1)
            order[i], order[j] = order[j], order[i]
        for first in range(0, len(order), batch_size):
            indices = torch.tensor(order[first:first + batch_size])
            batch, batch_labels = features[indices], labels[indices]
            if recipe["flip"]:
                flipped = torch.tensor([flips.next_boolean() for _ in range(len(indices))])
                batch = torch.where(flipped[:, None, None, None], batch.flip(3), batch)
            logits = model(batch)
            if teacher is None:
                loss = F.cross_entropy(logits, batch_labels)
            else:
                with torch.no_grad():
                    teacher_logits = teacher(batch)
                loss = kd_loss(logits, teacher_logits, batch_labels, recipe["temperature"], recipe["alpha"])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if recipe["step"] == "iteration":
                schedule.step()
        if recipe["step"] == "epoch":
            schedule.step()
    result = {"test-accuracy": accuracy(model, test), "validation-accuracy": accuracy(model, validation),
              "seconds": round(time.time() - start, 1)}
    teachers[(name, seed)] = model
    print(f"{name} seed {seed}: test {100 * result['test-accuracy']:.2f}% ({result['seconds']} s)", flush=True)
    return model, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--recipes", default="mlp,mlp-lr-matched,teacher-cnn,kd-cnn-t4,resnet8")
    parser.add_argument("--train-size", type=int, default=8000)
    arguments = parser.parse_args()
    torch.set_num_threads(1)
    results = json.load(open(RESULTS)) if os.path.exists(RESULTS) else {}
    for seed in [int(s) for s in arguments.seeds.split(",")]:
        subsets = {}
        teachers = {}
        for name in arguments.recipes.split(","):
            size = RECIPES[name].get("train_size", arguments.train_size)
            if size not in subsets:
                subsets[size] = load(seed, size)
            _, result = train(name, seed, subsets[size], teachers)
            results.setdefault(name, {})[str(seed)] = result
            with open(RESULTS, "w") as file:
                json.dump(results, file, indent=2, sort_keys=True)
                file.write("\n")
    print("| recipe | PyTorch test accuracy (%) | seeds |\n|---|---|---|")
    for name, runs in sorted(results.items()):
        values = [100 * run["test-accuracy"] for run in runs.values()]
        spread = f" ± {np.std(values, ddof=1):.2f}" if len(values) > 1 else ""
        print(f"| {name} | {np.mean(values):.2f}{spread} | {', '.join(sorted(runs))} |")


if __name__ == "__main__":
    main()
