#!/usr/bin/env python3
"""The PyTorch twin of `scripts/bench` (issue 18): the same workloads, networks, losses, optimizer, batch sizes and
thread count, timed the same way (median of the timed steps after warm-up), written to JSON with the same keys as
`distill4j bench --json`, so `scripts/bench --against-pytorch` can put the two side by side.

Every network mirrors a Distill4J model family's builder (framework/models): the same layer order, widths, kernel
sizes, padding, pooling, batch norm, dropout and classifier; each family's parameter count goes into the JSON, and
the comparison flags any family whose count differs from the Java side's. Weight decay (5e-4) applies to every
parameter, batch-norm gamma and beta included, as in the papers' code and Distill4J's default.

PyTorch is only a reference: where it is not installed this script says so and exits with status 3, and the Java
benchmark goes on alone. Install it with scripts/bench-pytorch-setup (a virtual environment with the CPU build).
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

TORCH_MISSING = 3

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError as missing:
    if __name__ == "__main__":
        print(f"bench-pytorch: PyTorch is not installed for {sys.executable} ({missing}).\n"
              "  Install it with scripts/bench-pytorch-setup, or point DISTILL4J_PYTHON (or --python) at a Python"
              " that has torch.", file=sys.stderr)
        sys.exit(TORCH_MISSING)
    raise

CLASSES = 10
SEED = 42
LEARNING_RATE = 0.01
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
REFERENCE_BATCH = 64
TEMPERATURE = 4.0
ALPHA = 0.9
ATTENTION_BETA = 100.0
WARMUP_SECONDS = 3.0  # set from --warmup-seconds
INPUTS = {"28x28x1": (1, 28, 28), "32x32x3": (3, 32, 32)}
PHASES = ["teacher-forward", "student-forward", "loss", "backward", "update", "rest"]
PHASE_LABELS = {
    "teacher-forward": "teacher forward (no_grad)",
    "student-forward": "student forward",
    "loss": "loss (value; gradient in backward)",
    "backward": "backward",
    "update": "optimizer update",
    "rest": "rest of the step",
}
MEMORY_GROWTH_THRESHOLD_MB = 16.0


# ---------------------------------------------------------------------------------------------------------------
# Networks. Each mirrors its Java builder; comments name the Java class and what is easy to get wrong.

def conv3x3(in_channels, out_channels, stride=1, bias=False):
    # SpecBuilder.convolution: padding kernel / 2, DL4J ConvolutionMode.Truncate (floor), as PyTorch.
    return nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=bias)


def batch_norm(channels):
    # LayerTranslator: eps 1e-5, decay 0.9 (PyTorch momentum 0.1): PyTorch's defaults.
    return nn.BatchNorm2d(channels)


class BenchCnn(nn.Module):
    """BenchNetworks (issue 2): conv3x3-BN-ReLU-maxpool twice, dense-ReLU, dense; returns logits and both ReLU maps."""

    def __init__(self, first, second, hidden):
        super().__init__()
        self.conv1, self.bn1 = conv3x3(1, first), batch_norm(first)
        self.conv2, self.bn2 = conv3x3(first, second), batch_norm(second)
        self.fc1 = nn.Linear(second * 7 * 7, hidden)
        self.logits = nn.Linear(hidden, CLASSES)

    def forward(self, x):
        relu1 = F.relu(self.bn1(self.conv1(x)))
        relu2 = F.relu(self.bn2(self.conv2(F.max_pool2d(relu1, 2, 2))))
        hidden = F.relu(self.fc1(torch.flatten(F.max_pool2d(relu2, 2, 2), 1)))
        return self.logits(hidden), relu1, relu2


def mlp(input_shape, hidden, dropout=0.0):
    """MlpFamily: flatten, then per hidden width dense-ReLU(-dropout), then the logits."""
    channels, height, width = input_shape
    layers = [nn.Flatten()]
    previous = channels * height * width
    for units in hidden:
        layers += [nn.Linear(previous, units), nn.ReLU()]
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
        previous = units
    layers.append(nn.Linear(previous, CLASSES))
    return nn.Sequential(*layers)


def vgg(input_shape, configuration, width_multiplier=1.0, hidden=(), dropout=0.0, batch_norm_on=True):
    """VggFamily: 3x3 convolutions (bias only without BN), BN, ReLU; a 2x2 max-pool only while the map is at least
    2x2 (an identity otherwise: VGG-16's fifth pool on 28x28 inputs); flatten; classifier dense-ReLU(-dropout)."""
    channels, height, width = input_shape
    layers = []
    for token in configuration:
        if token == "M":
            if height >= 2 and width >= 2:
                layers.append(nn.MaxPool2d(2, 2))
                height //= 2
                width //= 2
            else:
                layers.append(nn.Identity())
        else:
            # VggParams.scaled: max(1, Math.round(width * multiplier)), halves rounding up.
            out = max(1, int(math.floor(int(token) * width_multiplier + 0.5)))
            layers.append(conv3x3(channels, out, bias=not batch_norm_on))
            if batch_norm_on:
                layers.append(batch_norm(out))
            layers.append(nn.ReLU())
            channels = out
    layers.append(nn.Flatten())
    previous = channels * height * width
    for units in hidden:
        layers += [nn.Linear(previous, units), nn.ReLU()]
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
        previous = units
    layers.append(nn.Linear(previous, CLASSES))
    return nn.Sequential(*layers)


VGG16 = ["64", "64", "M", "128", "128", "M", "256", "256", "256", "M", "512", "512", "512", "M",
         "512", "512", "512", "M"]


class WideResnetBlock(nn.Module):
    """WideResnetFamily.addBlock, pre-activation: BN-ReLU-conv-BN-ReLU-conv. A projection shortcut (1x1, stride)
    reads the block's first ReLU output, not its input; an identity shortcut adds the block input itself."""

    def __init__(self, in_channels, width, stride):
        super().__init__()
        self.bn1 = batch_norm(in_channels)
        self.conv1 = conv3x3(in_channels, width, stride)
        self.bn2 = batch_norm(width)
        self.conv2 = conv3x3(width, width)
        self.shortcut = (nn.Conv2d(in_channels, width, 1, stride=stride, bias=False)
                         if stride != 1 or in_channels != width else None)

    def forward(self, x):
        activated = F.relu(self.bn1(x))
        residual = self.conv2(F.relu(self.bn2(self.conv1(activated))))
        return residual + (self.shortcut(activated) if self.shortcut is not None else x)


class WideResnet(nn.Module):
    """WideResnetFamily: 3x3 stem of 16, three groups of widths 16k, 32k, 64k (first block of groups 2 and 3 with
    stride 2), final BN-ReLU, global average pool, dense logits."""

    def __init__(self, input_shape, depth, widen_factor):
        super().__init__()
        blocks_per_group = (depth - 4) // 6
        channels = 16
        self.stem = conv3x3(input_shape[0], channels)
        blocks = []
        for group in range(1, 4):
            width = 16 * widen_factor * (1 << (group - 1))
            for block in range(1, blocks_per_group + 1):
                blocks.append(WideResnetBlock(channels, width, 2 if group > 1 and block == 1 else 1))
                channels = width
        self.blocks = nn.Sequential(*blocks)
        self.bn = batch_norm(channels)
        self.logits = nn.Linear(channels, CLASSES)

    def forward(self, x):
        x = F.relu(self.bn(self.blocks(self.stem(x))))
        return self.logits(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class ResnetBlock(nn.Module):
    """ResnetFamily.addBlock: conv-BN-ReLU-conv-BN, plus the input or a 1x1 conv + BN projection of it ("option B")
    where stride or width change, then ReLU."""

    def __init__(self, in_channels, width, stride):
        super().__init__()
        self.conv1, self.bn1 = conv3x3(in_channels, width, stride), batch_norm(width)
        self.conv2, self.bn2 = conv3x3(width, width), batch_norm(width)
        self.shortcut = (nn.Sequential(nn.Conv2d(in_channels, width, 1, stride=stride, bias=False), batch_norm(width))
                         if stride != 1 or in_channels != width else None)

    def forward(self, x):
        residual = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(residual + (self.shortcut(x) if self.shortcut is not None else x))


class Resnet(nn.Module):
    """ResnetFamily: 3x3 stem (conv-BN-ReLU) of the first width, three stages of basic blocks (first block of stages
    2 and 3 with stride 2), global average pool, dense logits."""

    def __init__(self, input_shape, depth, widths=(16, 32, 64)):
        super().__init__()
        blocks_per_stage = (depth - 2) // 6
        channels = widths[0]
        self.stem = nn.Sequential(conv3x3(input_shape[0], channels), batch_norm(channels), nn.ReLU())
        blocks = []
        for stage in range(1, 4):
            for block in range(1, blocks_per_stage + 1):
                blocks.append(ResnetBlock(channels, widths[stage - 1], 2 if stage > 1 and block == 1 else 1))
                channels = widths[stage - 1]
        self.blocks = nn.Sequential(*blocks)
        self.logits = nn.Linear(channels, CLASSES)

    def forward(self, x):
        x = self.blocks(self.stem(x))
        return self.logits(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# The names are FamilyWorkload.ALL's.
FAMILIES = {
    "mlp": lambda shape: mlp(shape, [800, 800]),
    "vgg-cnn": lambda shape: vgg(shape, ["16", "M", "32", "M"], hidden=[128], dropout=0.5),
    "wrn-16-1": lambda shape: WideResnet(shape, 16, 1),
    "wrn-16-2": lambda shape: WideResnet(shape, 16, 2),
    "resnet-20": lambda shape: Resnet(shape, 20),
    "vgg-16/4": lambda shape: vgg(shape, VGG16, width_multiplier=0.25),
}


def initialise(model):
    # GraphBuilder: He normal with fan-in (WeightInit.RELU), biases 0; BN gamma 1, beta 0.
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(module.weight, mode="fan_in", nonlinearity="relu")
            if module.bias is not None:
                nn.init.zeros_(module.bias)
    return model


def optimizer(model):
    """SGD, momentum 0.9, no Nesterov, weight decay on every parameter (the papers' code; Distill4J's default scope)."""
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)


def parameter_count(model):
    return sum(parameter.numel() for parameter in model.parameters())


# ---------------------------------------------------------------------------------------------------------------
# Losses: the hinton-kd plugin's (HintonKdDistiller) and the benchmark's attention term (BenchAttentionTerm).

def kd_loss(student_logits, teacher_logits, labels):
    hard = F.cross_entropy(student_logits, labels)
    student_log_soft = F.log_softmax(student_logits / TEMPERATURE, dim=1)
    teacher_log_soft = F.log_softmax(teacher_logits / TEMPERATURE, dim=1)
    soft = (teacher_log_soft.exp() * (teacher_log_soft - student_log_soft)).sum(1).mean()
    return hard * (1 - ALPHA) + soft * (ALPHA * TEMPERATURE * TEMPERATURE)


def attention(feature_map):
    energy = feature_map.pow(2).mean(1).reshape(feature_map.shape[0], -1)
    return energy / torch.sqrt(energy.pow(2).sum(1, keepdim=True) + 1e-12)


def attention_loss(student_maps, teacher_maps):
    total = 0
    for student_map, teacher_map in zip(student_maps, teacher_maps):
        total = total + (attention(student_map) - attention(teacher_map)).pow(2).mean()
    return total * ATTENTION_BETA


# ---------------------------------------------------------------------------------------------------------------
# Timing and memory.

def time_steps(work, warmup, steps, after_warmup=lambda: None):
    """Milliseconds of each timed step after the warm-up (at least `warmup` steps and WARMUP_SECONDS), like the Java
    StepTimer."""
    warmup_end = time.perf_counter() + WARMUP_SECONDS
    done = 0
    while done < warmup or time.perf_counter() < warmup_end:
        work()
        done += 1
    after_warmup()
    milliseconds = []
    for _ in range(steps):
        start = time.perf_counter_ns()
        work()
        milliseconds.append((time.perf_counter_ns() - start) / 1e6)
    return milliseconds


def resident_memory():
    """(VmRSS, VmHWM) in MB from /proc/self/status; None where there is none."""
    try:
        with open("/proc/self/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)
    except (OSError, KeyError, ValueError):
        return (None, None)


def memory_checkpoints(steps):
    """MemoryGrowth.checkpoints: 100, 500, every 1,000 below the total, and the total (the middle for few steps)."""
    points = {point for point in [100, 500] + list(range(1000, steps, 1000)) if point < steps}
    points.add(steps)
    if len(points) == 1 and steps >= 2:
        points.add(steps // 2)
    return sorted(points)


def features(shape, batch):
    generator = torch.Generator().manual_seed(SEED)
    return torch.randn(batch, *shape, generator=generator)


def labels(batch):
    generator = torch.Generator().manual_seed(SEED)
    return torch.randint(0, CLASSES, (batch,), generator=generator)


def rounded(value):
    return None if value is None or not math.isfinite(value) else round(value, 3)


# ---------------------------------------------------------------------------------------------------------------
# Workloads.

class ReferenceWorkloads:
    """ReferenceWorkloads: batch 64 of 28x28x1; teacher 32/64/128, student 16/32/64."""

    def __init__(self):
        torch.manual_seed(SEED)
        self.x = features(INPUTS["28x28x1"], REFERENCE_BATCH)
        self.y = labels(REFERENCE_BATCH)
        self.teacher = initialise(BenchCnn(32, 64, 128)).eval()
        self.plain = initialise(BenchCnn(16, 32, 64)).train()
        self.plain_optimizer = optimizer(self.plain)
        self.distilled = initialise(BenchCnn(16, 32, 64)).train()
        self.distilled_optimizer = optimizer(self.distilled)

    def teacher_forward(self):
        with torch.no_grad():
            return self.teacher(self.x)

    def cross_entropy_step(self):
        logits, _, _ = self.plain(self.x)
        loss = F.cross_entropy(logits, self.y)
        self.plain_optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.plain_optimizer.step()

    def kd_step(self, phases=None):
        clock = [time.perf_counter_ns()]
        start = clock[0]
        recorded = {}

        def mark(phase):
            now = time.perf_counter_ns()
            recorded[phase] = (now - clock[0]) / 1e6
            clock[0] = now

        teacher_logits, teacher_relu1, teacher_relu2 = self.teacher_forward()
        mark("teacher-forward")
        logits, relu1, relu2 = self.distilled(self.x)
        mark("student-forward")
        loss = kd_loss(logits, teacher_logits, self.y) + attention_loss((relu1, relu2), (teacher_relu1, teacher_relu2))
        mark("loss")
        self.distilled_optimizer.zero_grad(set_to_none=True)
        loss.backward()
        mark("backward")
        self.distilled_optimizer.step()
        mark("update")
        if phases is not None:
            total = (time.perf_counter_ns() - start) / 1e6
            recorded["rest"] = total - sum(recorded.values())
            for phase in PHASES:
                phases[phase].append(recorded[phase])

    def measure(self, warmup, steps, out):
        out(f"reference workloads: batch {REFERENCE_BATCH} of 28x28x1, median of {steps} steps after {warmup} warm-up"
            f" steps and {WARMUP_SECONDS:.0f} s at least")
        teacher = statistics.median(time_steps(self.teacher_forward, warmup, steps))
        plain = statistics.median(time_steps(self.cross_entropy_step, warmup, steps))
        phases = {phase: [] for phase in PHASES}
        kd = statistics.median(time_steps(lambda: self.kd_step(phases), warmup, steps,
                                          lambda: [values.clear() for values in phases.values()]))
        medians = {phase: statistics.median(values) for phase, values in phases.items()}
        for label, value in [("teacher forward", teacher), ("student cross-entropy step", plain),
                             ("KD step (KD + AT)", kd)]:
            out(f"  {label:<36} {value:8.1f} ms")
        for phase in PHASES:
            out(f"  {'  ' + PHASE_LABELS[phase]:<36} {medians[phase]:8.1f} ms")
        return {
            "batch": REFERENCE_BATCH, "input": "28x28x1", "warmup": warmup, "steps": steps,
            "teacher-forward-ms": rounded(teacher),
            "student-cross-entropy-step-ms": rounded(plain),
            "kd-step-ms": rounded(kd),
            "kd-step-phases-ms": {phase: rounded(medians[phase]) for phase in PHASES},
        }


def family_throughput(name, input_name, batch, warmup, steps):
    torch.manual_seed(SEED)
    model = initialise(FAMILIES[name](INPUTS[input_name]))
    sgd = optimizer(model)
    x = features(INPUTS[input_name], batch)
    y = labels(batch)

    def train_step():
        loss = F.cross_entropy(model(x), y)
        sgd.zero_grad(set_to_none=True)
        loss.backward()
        sgd.step()

    def infer():
        with torch.no_grad():
            model(x)

    model.train()
    training = statistics.median(time_steps(train_step, warmup, steps))
    model.eval()
    inference = statistics.median(time_steps(infer, warmup, steps))
    return {
        "name": name, "input": input_name, "batch": batch, "parameters": parameter_count(model),
        "warmup": warmup, "steps": steps,
        "training-step-ms": rounded(training), "training-images-per-second": rounded(batch / (training / 1000)),
        "inference-ms": rounded(inference), "inference-images-per-second": rounded(batch / (inference / 1000)),
    }


def memory_growth(workloads, workload, steps, out):
    out(f"memory check: {steps} steps of {workload} (batch {REFERENCE_BATCH}), resident memory at checkpoints")
    step = {"kd-step": workloads.kd_step, "student-cross-entropy-step": workloads.cross_entropy_step,
            "teacher-forward": workloads.teacher_forward}[workload]
    points = memory_checkpoints(steps)
    checkpoints = []
    for done in range(1, steps + 1):
        step()
        if done in points:
            resident, _ = resident_memory()
            checkpoints.append({"step": done, "resident-mb": rounded(resident), "heap-used-mb": None,
                                "workspaces-mb": None})
            shown = "unknown" if resident is None else f"{resident:.0f} MB"
            out(f"  after {done:6d} steps: resident {shown}")
    growth = None
    if len(checkpoints) >= 2 and None not in (checkpoints[-1]["resident-mb"], checkpoints[-2]["resident-mb"]):
        growth = checkpoints[-1]["resident-mb"] - checkpoints[-2]["resident-mb"]
    verdict = "unknown" if growth is None else "grows" if growth > MEMORY_GROWTH_THRESHOLD_MB else "flat"
    shown = "unknown" if growth is None else f"{growth:+.1f} MB"
    out(f"  verdict: {verdict} ({shown} between the last two checkpoints; more than"
        f" {MEMORY_GROWTH_THRESHOLD_MB:.0f} MB counts as growth)")
    return {"workload": workload, "steps": steps, "verdict": verdict, "growth-mb": rounded(growth), "checkpoints": checkpoints}


def threads_to_use(requested):
    if requested is not None:
        return requested
    configured = os.environ.get("OMP_NUM_THREADS", "").strip()
    return int(configured) if configured.isdigit() and int(configured) > 0 else torch.get_num_threads()


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warmup", type=int, default=10, help="untimed steps before each reference workload")
    parser.add_argument("--steps", type=int, default=100, help="timed steps of each reference workload")
    parser.add_argument("--warmup-seconds", type=float, default=3.0,
                        help="every warm-up lasts at least this long too (as distill4j bench)")
    parser.add_argument("--no-reference", action="store_true", help="skip the reference workloads")
    parser.add_argument("--batch", type=int, default=128, help="batch size of the model families")
    parser.add_argument("--family-warmup", type=int, default=2, help="untimed steps before each family measurement")
    parser.add_argument("--family-steps", type=int, default=20, help="timed steps of each family measurement")
    parser.add_argument("--families", default=",".join(FAMILIES), help="comma-separated family names, or none")
    parser.add_argument("--inputs", default=",".join(INPUTS), help="comma-separated input shapes")
    parser.add_argument("--memory-steps", type=int, default=0, help="KD steps of the memory check (0 skips it)")
    parser.add_argument("--memory-workload", default="kd-step",
                        choices=["kd-step", "student-cross-entropy-step", "teacher-forward"],
                        help="what the memory check repeats")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch.set_num_threads (default OMP_NUM_THREADS, else torch's default)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parsed = parser.parse_args()
    families = [] if parsed.families.strip() == "none" else [name.strip() for name in parsed.families.split(",")]
    inputs = [name.strip() for name in parsed.inputs.split(",")]
    for name in families:
        if name not in FAMILIES:
            parser.error(f"unknown model family workload '{name}'; the benchmark has {', '.join(FAMILIES)}")
    for name in inputs:
        if name not in INPUTS:
            parser.error(f"unknown input '{name}'; the benchmark has {', '.join(INPUTS)}")
    if not parsed.warmup_seconds >= 0:
        parser.error(f"--warmup-seconds must be >= 0, got {parsed.warmup_seconds}")
    for option in ("steps", "family_steps", "batch"):
        if getattr(parsed, option) < 1:
            parser.error(f"--{option.replace('_', '-')} must be >= 1, got {getattr(parsed, option)}")
    return parsed, families, inputs


def main():
    parsed, families, inputs = arguments()
    global WARMUP_SECONDS
    WARMUP_SECONDS = parsed.warmup_seconds
    threads = threads_to_use(parsed.threads)
    torch.set_num_threads(threads)

    def out(line):
        print(line, flush=True)

    backend = (f"PyTorch {torch.__version__} CPU, oneDNN (mkldnn) "
               f"{'available' if torch.backends.mkldnn.is_available() else 'not available'}, "
               f"MKL {'available' if torch.backends.mkl.is_available() else 'not available'}")
    out("bench-pytorch (the PyTorch twin of distill4j bench)")
    out(f"  {backend}")
    out(f"  threads {torch.get_num_threads()} (OMP_NUM_THREADS {os.environ.get('OMP_NUM_THREADS', 'unset')}),"
        f" cores {os.cpu_count()}, Python {sys.version.split()[0]}")

    report = {"implementation": "pytorch", "version": f"pytorch {torch.__version__}", "backend": backend,
              "threads": torch.get_num_threads()}
    workloads = ReferenceWorkloads() if not parsed.no_reference or parsed.memory_steps > 0 else None
    if not parsed.no_reference:
        report["reference"] = workloads.measure(parsed.warmup, parsed.steps, out)
    report["families"] = []
    if families:
        out(f"model families: batch {parsed.batch}, median of {parsed.family_steps} steps after"
            f" {parsed.family_warmup} warm-up steps and {WARMUP_SECONDS:.0f} s at least (training: cross-entropy step,"
            f" SGD momentum {MOMENTUM}, weight decay {WEIGHT_DECAY:.0e}; inference: the logits)")
        out(f"  {'family':<10} {'input':<8} {'parameters':>11} {'train img/s':>13} {'infer img/s':>13}")
        for name in families:
            for input_name in inputs:
                result = family_throughput(name, input_name, parsed.batch, parsed.family_warmup, parsed.family_steps)
                out(f"  {name:<10} {input_name:<8} {result['parameters']:>11,} "
                    f"{result['training-images-per-second']:>13.1f} {result['inference-images-per-second']:>13.1f}")
                report["families"].append(result)
    memory = (memory_growth(workloads, parsed.memory_workload, parsed.memory_steps, out) if parsed.memory_steps > 0
              else None)
    _, peak = resident_memory()
    out(f"peak resident memory (VmHWM): {'unknown' if peak is None else f'{peak:.0f} MB'}")
    report["memory"] = {"peak-resident-mb": rounded(peak), "steps": 0 if memory is None else memory["steps"]}
    if memory is not None:
        report["memory"].update({key: memory[key] for key in ("workload", "verdict", "growth-mb", "checkpoints")})
    if parsed.json:
        directory = os.path.dirname(os.path.abspath(parsed.json))
        os.makedirs(directory, exist_ok=True)
        with open(parsed.json, "w") as file:
            json.dump(report, file, indent=2)
            file.write("\n")
        out(f"wrote {parsed.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
