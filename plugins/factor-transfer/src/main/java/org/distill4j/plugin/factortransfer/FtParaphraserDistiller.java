package org.distill4j.plugin.factortransfer;

import jakarta.inject.Inject;
import org.distill4j.api.Distiller;
import org.distill4j.api.LossGraph;
import org.distill4j.api.network.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The paraphraser's training of factor transfer (Kim, Park, Kwak, NeurIPS 2018): a convolutional autoencoder
 * ({@link FactorTransferLayers}) on the teacher's feature map {@code T}, {@code B x C x H x W}, whose encoder's output
 * is the teacher's factor. The loss is the reconstruction error averaged over every element,
 *
 * <pre>
 *   authors:      L = mean |D(E(T)) - T|      (nn.L1Loss, train_Paraphraser.py line 103)
 *   repdistiller: L = mean (D(E(T)) - T)^2    (nn.MSELoss, train_student.py line 247)
 * </pre>
 *
 * It reads only the teacher, so a stage with it trains only the paraphraser (its loss parameters); {@code ft} then
 * reads the encoder's weights, fixed, by their names here. Keep this stage to this one distiller, so that the names
 * carry no prefix.
 */
public final class FtParaphraserDistiller implements Distiller {

    private final FtParaphraserParams params;

    @Inject
    public FtParaphraserDistiller(FtParaphraserParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public Set<String> studentTaps() {
        return Set.of();
    }

    @Override
    public Set<String> teacherTaps() {
        return Set.of(params.teacher());
    }

    @Override
    public SDVariable defineLoss(LossGraph graph) {
        TensorShape shape = TensorShape.ofBatchShape(graph.teacherShape(params.teacher()));
        // Model-file teachers skip shapeProblems, so the same rules are enforced here.
        FactorTransferShapes.teacherProblem("ft-paraphraser", params.teacher(), shape, params.rate(), params.mode())
                .ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
        int channels = shape.channels();
        int factorChannels = params.mode().factorChannels(channels, params.rate());
        SDVariable teacher = graph.teacher(params.teacher());
        SDVariable factor = FactorTransferLayers.trainEncoder(graph, teacher, channels, factorChannels,
                params.slope());
        SDVariable reconstruction = FactorTransferLayers.trainDecoder(graph, factor, channels, factorChannels,
                params.slope());
        SDVariable error = reconstruction.sub(teacher);
        return params.mode() == FactorTransferMode.AUTHORS ? graph.sameDiff().math().abs(error).mean()
                : error.mul(error).mean();
    }

    @Override
    public List<String> shapeProblems(Map<String, TensorShape> student, Map<String, TensorShape> teacher) {
        TensorShape shape = teacher.get(params.teacher());
        return shape == null ? List.of() : FactorTransferShapes.teacherProblem("ft-paraphraser", params.teacher(),
                shape, params.rate(), params.mode()).stream().toList();
    }
}
