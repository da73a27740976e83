package org.distill4j.plugin.fskd;

import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs one of the SGD aligners: fold, (insert Q = I for FSKD-SGD,) train with {@link FewSampleTrainer} on the N
 * images, (merge the Qs,) restore the compressed architecture. The same images, taps and teacher targets as
 * {@code fskd-bcd}, so the methods differ only in what they optimise and how.
 */
final class FewSampleAlignment {

    private FewSampleAlignment() {
    }

    static Alignment run(FewSampleMethod method, FewSampleSettings settings, Network teacher, Compression student,
            CompressionContext context) {
        long start = System.nanoTime();
        NetworkFactory factory = context.networks();
        long seed = context.seed();
        DataSplit samples = context.samples(settings.samples());
        INDArray features = samples.features();
        FskdAlignmentSetup setup = FskdAlignmentSetup.prepare(teacher, student, factory, seed);
        List<FskdBlock> blocks = setup.blocks();
        List<String> vertices = FskdBlocks.vertices(blocks);
        Network folded = setup.folding().network();
        List<INDArray> targets = FskdTeacherTargets.perBlock(FskdTeacherTargets.compute(teacher, blocks,
                FskdBatches.split(features, settings.batchSize()), factory, seed), blocks.size());
        Map<String, Double> before = FskdBlockResiduals.measure(folded, blocks, features, targets,
                settings.batchSize(), factory, seed);

        Network trainable;
        List<String> taps;
        Predicate<String> trained;
        FewSampleObjective objective;
        switch (method) {
            case FSKD_SGD -> {
                trainable = FskdQLayers.insert(folded, vertices, factory, seed);
                taps = vertices.stream().map(FskdQLayers::qName).toList();
                Set<String> qs = new HashSet<>(taps);
                trained = qs::contains;
            }
            case FITNET -> {
                trainable = folded;
                taps = vertices;
                trained = vertex -> true;
            }
            case FINE_TUNE -> {
                trainable = folded;
                taps = List.of();
                trained = vertex -> true;
            }
            default -> throw new IllegalStateException("unknown method " + method);
        }
        FskdTappedNetwork tapped = FskdTappedNetwork.of(trainable, taps, factory, seed);
        objective = method == FewSampleMethod.FINE_TUNE ? new FewSampleCrossEntropy()
                : new FskdBlockLoss(taps.stream().map(tapped::index).toList());
        FewSampleTrainer trainer = new FewSampleTrainer(tapped.network(), trained);
        List<Double> losses = trainer.train(features, samples.labels(),
                method == FewSampleMethod.FINE_TUNE ? List.of() : targets, objective, settings, seed,
                method.component(), context::report);

        Network aligned = method == FewSampleMethod.FSKD_SGD
                ? FskdQLayers.merge(trainer.network(), vertices, factory, seed) : trainer.network();
        Map<String, Double> after = FskdBlockResiduals.measure(aligned, blocks, features, targets,
                settings.batchSize(), factory, seed);
        Network restored = FskdRestoration.restore(aligned, setup.folding(), student.network(), factory, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        context.report(String.format(Locale.ROOT, "%s trained %d epochs on %d samples in %.2f s; block residuals %s"
                + " -> %s", method.component(), settings.epochs(), features.size(0), seconds, before, after));
        FewSampleDetails details = new FewSampleDetails((int) features.size(0), vertices, before, losses);
        return new Alignment(restored, after, details);
    }
}
