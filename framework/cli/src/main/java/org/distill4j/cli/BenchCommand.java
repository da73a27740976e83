package org.distill4j.cli;

import org.distill4j.cli.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Runs the speed benchmark (not a test: it prints its figures and asserts nothing). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Milliseconds per step of teacher forward, student cross-entropy step and KD step (batch 64, 28x28x1).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--warmup", defaultValue = "10", description = "untimed steps first (default ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--steps", defaultValue = "100", description = "timed steps; the median is reported (default ${DEFAULT-VALUE})")
    private int steps;

    @Override
    public Integer call() {
        new Benchmark(warmup, steps, System.out).run();
        return 0;
    }
}
