package org.distill4j.cli.bench;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.builtin.ConstantSchedule;
import org.distill4j.kernel.builtin.SgdOptimizer;
import org.distill4j.kernel.builtin.SgdParams;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.StudentStep;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.engine.Updaters;
import org.distill4j.models.backend.LayerHelpers;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.distill4j.plugin.hintonkd.HintonKdCrossEntropyDistiller;
import org.distill4j.plugin.hintonkd.HintonKdDistiller;
import org.distill4j.plugin.hintonkd.HintonKdParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Milliseconds per step of the three workloads of issue 2 (median of the timed steps after warm-up, batch 64 of
 * 28x28x1): teacher forward in inference mode; student cross-entropy step; KD step (teacher forward plus a student
 * step on 0.1 CE + 0.9 T^2 KL at T=4 plus attention transfer on both ReLU maps with beta=100).
 */
public final class Benchmark {

    private final int warmup;
    private final int steps;
    private final PrintStream out;

    public Benchmark(int warmup, int steps, PrintStream out) {
        this.warmup = warmup;
        this.steps = steps;
        this.out = out;
    }

    public Map<String, Double> run() {
        out.println("distill4j bench: batch 64 of 28x28x1, median of " + steps + " steps after " + warmup + " warm-up");
        out.println("  " + LayerHelpers.state().describe());
        out.println("  OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)")
                + ", cores " + Runtime.getRuntime().availableProcessors() + ", Java " + System.getProperty("java.version"));

        int batch = 64;
        Random random = new Random(42);
        INDArray features = Nd4j.randn(DataType.FLOAT, batch, 1, 28, 28);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(10);
        }

        NetworkSpec teacherSpec = BenchNetworks.teacher();
        NetworkSpec studentSpec = BenchNetworks.student();
        TrainableGraph teacher = graph(teacherSpec, Set.of());
        List<String> teacherTaps = List.of(NetworkSpec.LOGITS, BenchNetworks.FIRST_RELU, BenchNetworks.SECOND_RELU);

        Map<String, Double> results = new java.util.LinkedHashMap<>();
        results.put("teacher forward", time(() -> teacher.infer(features, teacherTaps)));

        CompiledLoss crossEntropy = CompiledLoss.compile(
                List.of(new Objective("cross-entropy", new HintonKdCrossEntropyDistiller(), 1.0)),
                studentSpec.shapes(), Map.of(), 10);
        StudentStep plain = new StudentStep(graph(studentSpec, crossEntropy.studentTaps()), crossEntropy);
        results.put("student cross-entropy step",
                time(() -> plain.run(features, Map.of(), labels, TrainableGraph.UpdateHook.NONE)));

        CompiledLoss kd = CompiledLoss.compile(List.of(
                        new Objective("hinton-kd", new HintonKdDistiller(new HintonKdParams(4, 0.9, true)), 1.0),
                        new Objective("attention", new BenchAttentionTerm(100), 1.0)),
                studentSpec.shapes(), teacherSpec.shapes(), 10);
        StudentStep distilled = new StudentStep(graph(studentSpec, kd.studentTaps()), kd);
        results.put("KD step (KD + AT)", time(() -> distilled.run(features, teacher.infer(features, teacherTaps), labels,
                TrainableGraph.UpdateHook.NONE)));

        results.forEach((name, millis) -> out.printf("  %-28s %8.1f ms%n", name, millis));
        return results;
    }

    private static TrainableGraph graph(NetworkSpec spec, Set<String> taps) {
        GraphSettings settings = GraphSettings.inference(1).withTaps(taps);
        TrainableGraph graph = GraphBuilder.initialise(new TrainableGraph(GraphBuilder.configure(spec, settings)), spec,
                settings.seed());
        Updaters.configure(graph, new SgdOptimizer(new SgdParams(0.01, 0.9, false, 5e-4)), new ConstantSchedule(), 1);
        return graph;
    }

    private double time(Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        List<Double> millis = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
