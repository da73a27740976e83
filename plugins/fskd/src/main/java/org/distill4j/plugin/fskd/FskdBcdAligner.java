package org.distill4j.plugin.fskd;

import jakarta.inject.Inject;
import org.distill4j.api.Aligner;
import org.distill4j.api.Alignment;
import org.distill4j.api.Compression;
import org.distill4j.api.CompressionContext;
import org.distill4j.api.NetworkFactory;
import org.distill4j.api.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code fskd-bcd}: FSKD's block-coordinate descent (Li et al. 2020, docs/methods.md §8(b)). Folds the student's batch
 * norms, inserts Q = I after every block conv, then solves the blocks in forward order: each block's Q is the least
 * squares map from the partly corrected student's pre-activation (earlier Qs solved) to the teacher's, over every
 * sample and position. The Qs are merged into their convs and the compressed architecture is restored.
 */
public final class FskdBcdAligner implements Aligner {

    private final FskdBcdParams params;

    @Inject
    public FskdBcdAligner(FskdBcdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public int samples() {
        return params.samples();
    }

    @Override
    public Alignment align(Network teacher, Compression student, CompressionContext context) {
        long start = System.nanoTime();
        NetworkFactory factory = context.networks();
        long seed = context.seed();
        INDArray features = context.samples(params.samples()).features();
        FskdAlignmentSetup setup = FskdAlignmentSetup.prepare(teacher, student, factory, seed);
        List<FskdBlock> blocks = setup.blocks();
        List<String> vertices = FskdBlocks.vertices(blocks);
        Network withQ = FskdQLayers.insert(setup.folding().network(), vertices, factory, seed);
        FskdTappedNetwork tapped = FskdTappedNetwork.of(withQ, vertices, factory, seed);
        List<INDArray> batches = FskdBatches.split(features, params.batchSize());
        List<List<INDArray>> targets = FskdTeacherTargets.compute(teacher, blocks, batches, factory, seed);
        FskdSolver solver = new FskdSolver(params.ridge(), params.conditionLimit(), params.ridgeToward());

        Map<String, Double> residuals = new LinkedHashMap<>();
        Map<String, Double> residualsBefore = new LinkedHashMap<>();
        Map<String, Double> conditions = new LinkedHashMap<>();
        Map<String, Double> ridges = new LinkedHashMap<>();
        for (int index = 0; index < blocks.size(); index++) {
            FskdBlock block = blocks.get(index);
            // The student is re-run for every block: its input depends on the Qs solved before it (BCD, not one pass
            // over uncorrected features, which docs/methods.md §8(e) calls a different and worse method).
            FskdGram gram = new FskdGram(block.channels(), block.channels());
            int output = tapped.index(block.vertex());
            for (int batch = 0; batch < batches.size(); batch++) {
                gram.add(tapped.outputs(batches.get(batch))[output], targets.get(batch).get(index));
            }
            FskdSolution solution = solver.solve(gram);
            double before = gram.meanSquaredResidual(FskdQLayers.q(tapped.network(), block.vertex()));
            double after = gram.meanSquaredResidual(solution.q());
            FskdQLayers.setQ(tapped.network(), block.vertex(), solution.q());
            residuals.put(block.vertex(), after);
            residualsBefore.put(block.vertex(), before);
            conditions.put(block.vertex(), solution.condition());
            ridges.put(block.vertex(), solution.ridge());
            context.report(String.format(Locale.ROOT, "fskd-bcd block %d of %d %s: %d channels, %d rows, condition"
                    + " %.3g%s, residual %.5g -> %.5g", index + 1, blocks.size(), block.vertex(), block.channels(),
                    gram.rows(), solution.condition(), solution.ridge() > 0
                            ? String.format(Locale.ROOT, " (ridge %.3g)", solution.ridge()) : "", before, after));
        }
        Network merged = FskdQLayers.merge(tapped.network(), vertices, factory, seed);
        Network restored = FskdRestoration.restore(merged, setup.folding(), student.network(), factory, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        context.report(String.format(Locale.ROOT, "fskd-bcd aligned %d blocks on %d samples in %.2f s", blocks.size(),
                features.size(0), seconds));
        FskdBcdDetails details = new FskdBcdDetails((int) features.size(0), vertices, conditions, ridges,
                residualsBefore);
        return new Alignment(restored, residuals, details);
    }
}
