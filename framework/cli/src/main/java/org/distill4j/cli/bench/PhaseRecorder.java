package org.distill4j.cli.bench;

import org.distill4j.kernel.engine.TrainableGraph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects where the time of each KD step goes: the teacher's forward (timed by the benchmark around
 * {@code infer}), and the student step's phases as {@link TrainableGraph.PhaseClock} reports them. Whatever the step
 * spends outside those (routing outputs to the loss, Java bookkeeping) is the rest, so the phases add up to the step.
 */
final class PhaseRecorder implements TrainableGraph.PhaseClock {

    /** The breakdown's names, in the order of a step; also the JSON keys both implementations write. */
    static final String TEACHER_FORWARD = "teacher-forward";
    static final String STUDENT_FORWARD = "student-forward";
    static final String LOSS = "loss";
    static final String BACKWARD = "backward";
    static final String UPDATE = "update";
    static final String REST = "rest";
    static final List<String> PHASES = List.of(TEACHER_FORWARD, STUDENT_FORWARD, LOSS, BACKWARD, UPDATE, REST);

    private static final Map<TrainableGraph.Phase, String> NAMES = Map.of(
            TrainableGraph.Phase.FORWARD, STUDENT_FORWARD,
            TrainableGraph.Phase.LOSS, LOSS,
            TrainableGraph.Phase.BACKWARD, BACKWARD,
            TrainableGraph.Phase.UPDATE, UPDATE);

    private final Map<TrainableGraph.Phase, Long> current = new EnumMap<>(TrainableGraph.Phase.class);
    private long currentTeacher;
    private final Map<String, List<Double>> milliseconds = new LinkedHashMap<>();

    PhaseRecorder() {
        forget();
    }

    @Override
    public void record(TrainableGraph.Phase phase, long nanos) {
        current.merge(phase, nanos, Long::sum);
    }

    void teacher(long nanos) {
        currentTeacher += nanos;
    }

    /** Closes a step that took {@code totalNanos} from the teacher's forward to the end of the update. */
    void endStep(long totalNanos) {
        long accounted = currentTeacher;
        add(TEACHER_FORWARD, currentTeacher);
        for (TrainableGraph.Phase phase : TrainableGraph.Phase.values()) {
            long nanos = current.getOrDefault(phase, 0L);
            add(NAMES.get(phase), nanos);
            accounted += nanos;
        }
        add(REST, totalNanos - accounted);
        current.clear();
        currentTeacher = 0;
    }

    /** Drops every step recorded so far (the warm-up's). */
    void forget() {
        current.clear();
        currentTeacher = 0;
        PHASES.forEach(phase -> milliseconds.put(phase, new ArrayList<>()));
    }

    /** The median milliseconds of each phase over the recorded steps, in step order. */
    Map<String, Double> medians() {
        Map<String, Double> medians = new LinkedHashMap<>();
        milliseconds.forEach((phase, values) -> {
            if (values.isEmpty()) {
                throw new IllegalStateException("no KD step was recorded; time at least one step");
            }
            medians.put(phase, Timing.median(values.stream().mapToDouble(Double::doubleValue).toArray()));
        });
        return medians;
    }

    private void add(String phase, long nanos) {
        milliseconds.get(phase).add(nanos / 1e6);
    }
}
