package org.distill4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Distill4J's benchmark figures beside the PyTorch twin's, from the two JSON reports (the same keys, see
 * {@link BenchmarkReport#toJson}). The ratio is always "how many times slower Distill4J is": Distill4J's time over
 * PyTorch's for step times, PyTorch's throughput over Distill4J's for images per second. Issue 18's targets are
 * marked: KD step and student cross-entropy step at most 2.0, teacher forward at most 1.2, every family's training
 * throughput at least half PyTorch's (ratio at most 2.0).
 */
public final class Comparison {

    static final double STEP_TARGET = 2.0;
    static final double TEACHER_FORWARD_TARGET = 1.2;
    static final double TRAINING_THROUGHPUT_TARGET = 2.0;

    /** Phases shorter than this (the step's rest, tens of microseconds) get no ratio: it would be noise. */
    static final double SMALLEST_PHASE_MILLISECONDS = 1.0;

    /** How a figure compares: a time or memory (smaller is better) or a throughput (larger is better). */
    enum Direction { SMALLER_IS_BETTER, LARGER_IS_BETTER }

    /**
     * One line of the table.
     *
     * @param pytorch   null where the twin has no such figure (or did not run)
     * @param target    the largest acceptable ratio, or null for a figure without a target
     * @param smallest  below this figure on either side a ratio says nothing (a phase of a few microseconds)
     */
    record Row(String workload, Double distill4j, Double pytorch, Direction direction, Double target,
            double smallest) {

        Row(String workload, Double distill4j, Double pytorch, Direction direction, Double target) {
            this(workload, distill4j, pytorch, direction, target, Double.MIN_VALUE);
        }

        /** How many times slower (or larger) Distill4J is; null without both figures. */
        Double ratio() {
            if (distill4j == null || pytorch == null || distill4j < smallest || pytorch < smallest) {
                return null;
            }
            return direction == Direction.SMALLER_IS_BETTER ? distill4j / pytorch : pytorch / distill4j;
        }

        /** {@code met}, {@code MISSED}, {@code no PyTorch figure}, or empty for a row without a target. */
        String mark() {
            if (target == null) {
                return "";
            }
            Double ratio = ratio();
            if (ratio == null) {
                return "no PyTorch figure";
            }
            return ratio <= target ? "met" : "MISSED";
        }
    }

    private final List<Row> rows;
    private final List<String> notes;

    private Comparison(List<Row> rows, List<String> notes) {
        this.rows = List.copyOf(rows);
        this.notes = List.copyOf(notes);
    }

    /**
     * @param pytorch the twin's report, or null where it could not run (the table then has Distill4J's column alone)
     */
    public static Comparison of(JsonNode distill4j, JsonNode pytorch) {
        Objects.requireNonNull(distill4j, "distill4j");
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        JsonNode reference = distill4j.path("reference");
        JsonNode twinReference = pytorch == null ? null : pytorch.path("reference");
        if (!reference.isMissingNode()) {
            String batch = " (batch " + reference.path("batch").asInt() + ")";
            rows.add(step("teacher forward, ms" + batch, reference, twinReference, "teacher-forward-ms",
                    TEACHER_FORWARD_TARGET));
            rows.add(step("student cross-entropy step, ms" + batch, reference, twinReference,
                    "student-cross-entropy-step-ms", STEP_TARGET));
            rows.add(step("KD step (KD + AT), ms" + batch, reference, twinReference, "kd-step-ms", STEP_TARGET));
            for (String phase : PhaseRecorder.PHASES) {
                rows.add(new Row("  KD phase: " + phase + ", ms", number(reference.path("kd-step-phases-ms").path(phase)),
                        twinReference == null ? null : number(twinReference.path("kd-step-phases-ms").path(phase)),
                        Direction.SMALLER_IS_BETTER, null, SMALLEST_PHASE_MILLISECONDS));
            }
            if (twinReference != null) {
                notes.add("KD phases: Distill4J's loss phase computes the loss gradients too (its SameDiff graph),"
                        + " PyTorch's only the value (autograd's backward takes the gradient); compare loss + backward");
            }
        }
        for (JsonNode family : distill4j.path("families")) {
            JsonNode twin = twinFamily(pytorch, family);
            String label = family.path("name").asText() + " " + family.path("input").asText();
            rows.add(new Row(label + " training, img/s (batch " + family.path("batch").asInt() + ")",
                    number(family.path("training-images-per-second")),
                    twin == null ? null : number(twin.path("training-images-per-second")),
                    Direction.LARGER_IS_BETTER, TRAINING_THROUGHPUT_TARGET));
            rows.add(new Row(label + " inference, img/s", number(family.path("inference-images-per-second")),
                    twin == null ? null : number(twin.path("inference-images-per-second")),
                    Direction.LARGER_IS_BETTER, null));
            if (twin != null && twin.path("parameters").asLong() != family.path("parameters").asLong()) {
                notes.add(String.format(Locale.ROOT, "architectures differ: %s has %,d parameters in Distill4J and"
                        + " %,d in PyTorch; its ratios compare different networks", label,
                        family.path("parameters").asLong(), twin.path("parameters").asLong()));
            }
        }
        rows.add(new Row("peak resident memory (VmHWM), MB", number(distill4j.path("memory").path("peak-resident-mb")),
                pytorch == null ? null : number(pytorch.path("memory").path("peak-resident-mb")),
                Direction.SMALLER_IS_BETTER, null));
        return new Comparison(rows, notes);
    }

    List<Row> rows() {
        return rows;
    }

    List<String> notes() {
        return notes;
    }

    /** The table in Markdown, then the notes and a count of the targets met. */
    public void print(PrintStream out) {
        out.println("| workload | Distill4J | PyTorch | ratio (x slower) | target |");
        out.println("|---|---:|---:|---:|---|");
        for (Row row : rows) {
            String target = row.target() == null ? ""
                    : String.format(Locale.ROOT, "<= %.1f %s", row.target(), row.mark());
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row.workload(), figure(row.distill4j()),
                    figure(row.pytorch()), row.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.ratio()),
                    target.trim());
        }
        notes.forEach(note -> out.println("note: " + note));
        long targets = rows.stream().filter(row -> row.target() != null).count();
        long compared = rows.stream().filter(row -> row.target() != null && row.ratio() != null).count();
        long met = rows.stream().filter(row -> row.mark().equals("met")).count();
        if (compared == 0) {
            out.printf(Locale.ROOT, "targets: %d, none compared (no PyTorch figures)%n", targets);
        } else {
            out.printf(Locale.ROOT, "targets met: %d of %d%s%n", met, compared,
                    compared < targets ? " (" + (targets - compared) + " without a PyTorch figure)" : "");
        }
    }

    private static Row step(String label, JsonNode reference, JsonNode twinReference, String key, double target) {
        return new Row(label, number(reference.path(key)), twinReference == null ? null : number(twinReference.path(key)),
                Direction.SMALLER_IS_BETTER, target);
    }

    private static JsonNode twinFamily(JsonNode pytorch, JsonNode family) {
        if (pytorch == null) {
            return null;
        }
        for (JsonNode candidate : pytorch.path("families")) {
            if (candidate.path("name").asText().equals(family.path("name").asText())
                    && candidate.path("input").asText().equals(family.path("input").asText())
                    && candidate.path("batch").asInt() == family.path("batch").asInt()) {
                return candidate;
            }
        }
        return null;
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    private static String figure(Double value) {
        if (value == null) {
            return "—";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%.1f", value);
    }
}
