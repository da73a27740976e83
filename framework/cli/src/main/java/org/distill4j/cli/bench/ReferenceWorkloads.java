package org.distill4j.cli.bench;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.kernel.engine.CompiledLoss;
import org.distill4j.kernel.engine.Objective;
import org.distill4j.kernel.engine.StudentStep;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.plugin.hintonkd.HintonKdCrossEntropyDistiller;
import org.distill4j.plugin.hintonkd.HintonKdDistiller;
import org.distill4j.plugin.hintonkd.HintonKdParams;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three workloads of issue 2 at batch 64 of 28x28x1: the teacher's forward in inference mode; a student
 * cross-entropy step; a KD step (teacher forward, then a student step on 0.1 CE + 0.9 T^2 KL at T=4 plus attention
 * transfer with beta 100 on both ReLU maps). The KD step is also what the memory check repeats.
 */
final class ReferenceWorkloads {

    static final int BATCH = 64;
    static final double TEMPERATURE = 4;
    static final double ALPHA = 0.9;
    static final double ATTENTION_BETA = 100;

    private static final List<String> TEACHER_OUTPUTS =
            List.of(NetworkSpec.LOGITS, BenchNetworks.FIRST_RELU, BenchNetworks.SECOND_RELU);

    private final INDArray features = BenchInputs.features(BenchInputs.GRAYSCALE, BATCH);
    private final int[] labels = BenchInputs.labels(BATCH);
    private final TrainableGraph teacher;
    private final StudentStep crossEntropy;
    private final TrainableGraph.UpdateHook crossEntropyHook;
    private final TrainableGraph distilledStudent;
    private final StudentStep distilled;
    private final TrainableGraph.UpdateHook distilledHook;

    ReferenceWorkloads() {
        NetworkSpec teacherSpec = BenchNetworks.teacher();
        NetworkSpec studentSpec = BenchNetworks.student();
        teacher = BenchGraphs.trainable(teacherSpec, Set.of());
        CompiledLoss crossEntropyLoss = CompiledLoss.compile(
                List.of(new Objective("cross-entropy", new HintonKdCrossEntropyDistiller(), 1.0)),
                studentSpec.shapes(), Map.of(), BenchInputs.CLASSES);
        TrainableGraph crossEntropyStudent = BenchGraphs.trainable(studentSpec, crossEntropyLoss.studentTaps());
        crossEntropy = new StudentStep(crossEntropyStudent, crossEntropyLoss);
        crossEntropyHook = BenchGraphs.hook(crossEntropyStudent);
        CompiledLoss kdLoss = CompiledLoss.compile(List.of(
                        new Objective("hinton-kd", new HintonKdDistiller(new HintonKdParams(TEMPERATURE, ALPHA, true)), 1.0),
                        new Objective("attention", new BenchAttentionTerm(ATTENTION_BETA), 1.0)),
                studentSpec.shapes(), teacherSpec.shapes(), BenchInputs.CLASSES);
        distilledStudent = BenchGraphs.trainable(studentSpec, kdLoss.studentTaps());
        distilled = new StudentStep(distilledStudent, kdLoss);
        distilledHook = BenchGraphs.hook(distilledStudent);
    }

    ReferenceResults measure(StepTimer timer) {
        Timing teacherForward = timer.time(() -> TrainableGraph.release(teacherForward().values()));
        Timing crossEntropyStep = timer.time(
                () -> crossEntropy.run(features, Map.of(), labels, crossEntropyHook));
        PhaseRecorder phases = new PhaseRecorder();
        distilledStudent.setPhaseClock(phases);
        try {
            Timing kdStep = timer.time(() -> kdStep(phases), phases::forget);
            return new ReferenceResults(BATCH, teacherForward, crossEntropyStep, kdStep, phases.medians());
        } finally {
            distilledStudent.setPhaseClock(TrainableGraph.PhaseClock.NONE);
        }
    }

    /** One step of a workload, untimed (the memory check's unit of work). */
    void run(MemoryWorkload workload) {
        switch (workload) {
            case KD_STEP -> {
                Map<String, INDArray> teacherOutputs = teacherForward();
                distilled.run(features, teacherOutputs, labels, distilledHook);
                TrainableGraph.release(teacherOutputs.values());
            }
            case STUDENT_CROSS_ENTROPY_STEP -> crossEntropy.run(features, Map.of(), labels,
                    crossEntropyHook);
            case TEACHER_FORWARD -> TrainableGraph.release(teacherForward().values());
        }
    }

    private void kdStep(PhaseRecorder phases) {
        long start = System.nanoTime();
        Map<String, INDArray> teacherOutputs = teacherForward();
        phases.teacher(System.nanoTime() - start);
        distilled.run(features, teacherOutputs, labels, distilledHook);
        TrainableGraph.release(teacherOutputs.values());
        phases.endStep(System.nanoTime() - start);
    }

    private Map<String, INDArray> teacherForward() {
        return teacher.infer(features, TEACHER_OUTPUTS);
    }
}
