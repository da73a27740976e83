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
import org.distill4j.kernel.records.AlignmentMetrics;
import org.distill4j.kernel.records.CompressionMetrics;
import org.distill4j.kernel.records.NetworkSize;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes a run's student from its teacher: compresses it, measures it, and recovers it with the aligner if there is
 * one. Accuracies go to the metrics (the same seed reproduces them); times go to the provenance.
 *
 * @param network    the student as compression and alignment leave it
 * @param training   what every training of the student must do to keep the compression (usually nothing)
 * @param origin     the compression and alignment sections of {@code metrics.json}, and the seconds each step took
 */
record CompressedStudent(Network network, TrainingHook training, StudentOrigin origin) {

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
        double testBefore = accuracy(compression.network(), data, true);
        CompressionMetrics compressed = new CompressionMetrics(compressorName, NetworkSize.of(compression.before()),
                NetworkSize.of(compression.after()), compression.keptChannels(), compression.details(), testBefore,
                nullIfNaN(accuracy(compression.network(), data, false)));
        out.printf(Locale.ROOT, "   compressed by %s: %,d -> %,d parameters, %,d -> %,d multiply-accumulates;"
                        + " test accuracy %.2f%%%n", compressorName, compression.before().parameters(),
                compression.after().parameters(), compression.before().multiplyAccumulates(),
                compression.after().multiplyAccumulates(), 100 * testBefore);
        if (aligner.isEmpty()) {
            return new CompressedStudent(compression.network(), compression.training(),
                    new StudentOrigin(compressed, null, null, null, compressionSeconds, null));
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
        AlignmentMetrics recovered = new AlignmentMetrics(alignerName, aligner.get().samples(), testAfter,
                nullIfNaN(accuracy(alignment.network(), data, false)), alignment.residuals(), alignment.details());
        out.printf(Locale.ROOT, "   aligned by %s on %d images in %.1f s: test accuracy %.2f%% -> %.2f%%%n",
                alignerName, aligner.get().samples(), alignmentSeconds, 100 * testBefore, 100 * testAfter);
        return new CompressedStudent(alignment.network(), compression.training(),
                new StudentOrigin(compressed, recovered, null, null, compressionSeconds, alignmentSeconds));
    }

    /** The student as the make-student stage hands it on: these weights, the training hook, its record sections. */
    MadeStudent made() {
        return new MadeStudent(network.spec(), Optional.of(network), training, origin);
    }

    private static double accuracy(Network network, Dataset data, boolean test) {
        TrainableGraph graph = TrainableGraph.of(network.graph());
        return Accuracy.of(graph, test ? data.test() : data.validation());
    }

    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
