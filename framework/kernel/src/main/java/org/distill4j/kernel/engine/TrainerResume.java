package org.distill4j.kernel.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Takes a training's state at the end of an epoch, and puts it back into a training that starts again. */
final class TrainerResume {

    private TrainerResume() {
    }

    /**
     * @param completedEpochs the epochs done, from 1
     * @param best            the best epoch on validation so far (0 for none) with its accuracy and parameters
     */
    static TrainerState capture(int completedEpochs, List<EpochRecord> records, TrainableGraph student,
            CompiledLoss loss, LossParameterUpdater parameterUpdater, Random shuffle, Random augmentation,
            Best best, double seconds) {
        INDArray updaterState = student.getUpdater().getStateViewArray();
        Map<String, INDArray> lossParameters = new LinkedHashMap<>();
        loss.parameters().values().forEach((name, value) -> lossParameters.put(name, value.dup()));
        return new TrainerState(completedEpochs, List.copyOf(records), student.params().dup(),
                updaterState == null ? null : updaterState.dup(), student.getIterationCount(),
                student.getEpochCount(), lossParameters, parameterUpdater.snapshot(), Nd4j.getRandom().rootState(),
                Nd4j.getRandom().nodeState(), TrainerState.bytes(shuffle), TrainerState.bytes(augmentation),
                best.validation(), best.epoch(), best.parameters() == null ? null : best.parameters().dup(), seconds);
    }

    /** Puts the network's, the optimizer's, the loss's and ND4J's random state back; the caller keeps the rest. */
    static void restore(TrainerState state, TrainableGraph student, CompiledLoss loss,
            LossParameterUpdater parameterUpdater) {
        student.setParams(state.parameters());
        if (state.updaterState() != null) {
            student.getUpdater().getStateViewArray().assign(state.updaterState());
        }
        student.getConfiguration().setIterationCount(state.iterationCount());
        student.getConfiguration().setEpochCount(state.epochCount());
        state.lossParameters().forEach((name, value) -> loss.parameters().set(name, value));
        parameterUpdater.restore(state.lossUpdater());
        Nd4j.getRandom().setStates(state.randomRoot(), state.randomNode());
    }

    /**
     * The best epoch on validation so far.
     *
     * @param epoch      from 1; 0 before any
     * @param parameters its network's parameters, or null
     */
    record Best(double validation, int epoch, INDArray parameters) {

        static final Best NONE = new Best(Double.NEGATIVE_INFINITY, 0, null);
    }
}
