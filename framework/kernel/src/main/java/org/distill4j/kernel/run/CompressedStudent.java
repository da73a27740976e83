package org.distill4j.kernel.run;

import org.distill4j.api.Aligner;
import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.Compressor;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.TrainingHook;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.Network;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NetworkStatistics;
import org.distill4j.kernel.engine.Accuracy;
import org.distill4j.kernel.engine.TrainableGraph;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a run's student from its teacher: compresses it, measures it, and recovers it with the aligner if there is
 * one. Accuracies go to the metrics (the same seed reproduces them); times go to the provenance.
 *
 * @param network    the student as compression and alignment leave it
 * @param training   what every training of the student must do to keep the compression (usually nothing)
 * @param metrics    {@code compression} and {@code alignment} sections of {@code metrics.json}
 * @param provenance the seconds each step took, for {@code provenance.json}
 */
record CompressedStudent(Network network, TrainingHook training, Map<String, Object> metrics,
        Map<String, Object> provenance) {

    static final String COMPRESSION_SECONDS = "compression-seconds";
    static final String ALIGNMENT_SECONDS = "alignment-seconds";
    /**
     * The time spent recovering the compressed student: its alignment, plus its training when it has some (the
     * runner adds that). What FSKD's tables compare between recovery methods.
     */
    static final String RECOVERY_SECONDS = "recovery-seconds";

    static CompressedStudent make(NetworkSpec teacherSpec, TrainableGraph teacherGraph, Compressor compressor,
            String compressorName, Optional<Aligner> aligner, String alignerName, Dataset data, long seed,
            NetworkFactory networks, PrintStream out, RunCompressionContext.Retrainer retrainer) {
        RunCompressionContext context = new RunCompressionContext(data, seed, networks, out, retrainer);
        ArchitectureFit.mismatch(teacherSpec, teacherGraph).ifPresent(problem -> {
            throw new IllegalStateException("the teacher to compress is not the architecture its descriptor chain"
                    + " gives: " + problem + "; a compressed teacher can be compressed again only when its"
                    + " compression kept every shape (unstructured pruning)");
        });
        Network teacher = new Network(teacherSpec, teacherGraph);
        long started = System.nanoTime();
        Compression compression = compressor.compress(teacher, context);
        double compressionSeconds = seconds(started);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> provenance = new LinkedHashMap<>();
        Map<String, Object> compressed = new LinkedHashMap<>();
        compressed.put("compressor", compressorName);
        compressed.put("before", statistics(compression.before()));
        compressed.put("after", statistics(compression.after()));
        compressed.put("kept-channels", compression.keptChannels());
        compressed.put("details", compression.details());
        double testBefore = accuracy(compression.network(), data, true);
        double validationBefore = accuracy(compression.network(), data, false);
        compressed.put("test-accuracy", testBefore);
        compressed.put("validation-accuracy", nullIfNaN(validationBefore));
        metrics.put("compression", compressed);
        provenance.put(COMPRESSION_SECONDS, compressionSeconds);
        out.printf(Locale.ROOT, "   compressed by %s: %,d -> %,d parameters, %,d -> %,d multiply-accumulates;"
                        + " test accuracy %.2f%%%n", compressorName, compression.before().parameters(),
                compression.after().parameters(), compression.before().multiplyAccumulates(),
                compression.after().multiplyAccumulates(), 100 * testBefore);
        if (aligner.isEmpty()) {
            provenance.put(RECOVERY_SECONDS, 0.0);
            return new CompressedStudent(compression.network(), compression.training(), metrics, provenance);
        }
        started = System.nanoTime();
        Alignment alignment = aligner.get().align(teacher, compression, context);
        double alignmentSeconds = seconds(started);
        NetworkStatistics aligned = alignment.network().spec().statistics();
        if (!alignment.network().spec().equals(compression.network().spec())) {
            throw new IllegalStateException("aligner " + alignerName + " changed the compressed student's architecture"
                    + " (" + compression.after().parameters() + " -> " + aligned.parameters() + " parameters); an"
                    + " aligner must return the compressed architecture");
        }
        double testAfter = accuracy(alignment.network(), data, true);
        Map<String, Object> recovered = new LinkedHashMap<>();
        recovered.put("aligner", alignerName);
        recovered.put("samples", aligner.get().samples());
        recovered.put("test-accuracy", testAfter);
        recovered.put("validation-accuracy", nullIfNaN(accuracy(alignment.network(), data, false)));
        recovered.put("residuals", alignment.residuals());
        Map<String, Object> details = new LinkedHashMap<>(alignment.details());
        // Times differ between identical runs: they belong to the provenance, not to the metrics.
        Object reported = details.remove("seconds");
        metrics.put("alignment", recovered);
        recovered.put("details", details);
        provenance.put(ALIGNMENT_SECONDS, alignmentSeconds);
        provenance.put(RECOVERY_SECONDS, alignmentSeconds);
        if (reported != null) {
            provenance.put("alignment-reported-seconds", reported);
        }
        out.printf(Locale.ROOT, "   aligned by %s on %d images in %.1f s: test accuracy %.2f%% -> %.2f%%%n",
                alignerName, aligner.get().samples(), alignmentSeconds, 100 * testBefore, 100 * testAfter);
        return new CompressedStudent(alignment.network(), compression.training(), metrics, provenance);
    }

    /** The student as the make-student stage hands it on: these weights, the training hook, its record sections. */
    MadeStudent made() {
        return new MadeStudent(network.spec(), Optional.of(network), training, metrics, provenance);
    }

    private static double accuracy(Network network, Dataset data, boolean test) {
        TrainableGraph graph = TrainableGraph.of(network.graph());
        return Accuracy.of(graph, test ? data.test() : data.validation());
    }

    private static Map<String, Object> statistics(NetworkStatistics statistics) {
        return Map.of("parameters", statistics.parameters(), "multiply-accumulates", statistics.multiplyAccumulates());
    }

    private static Object nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
