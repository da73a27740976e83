package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.CompiledLoss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hands the loss parameters a training stage trained on to the later losses that read them
 * ({@link org.distill4j.api.LossGraph#trainedParameter}): factor transfer trains its paraphraser in a stage of its own
 * and the main training reads it fixed. Checked before any stage trains, so a missing stage fails at once, not after
 * the stages before it.
 *
 * @param stageNames  the earlier stages' names, in order
 * @param stageLosses their losses, in order
 * @param main        the main training's loss
 */
record StageParameterHandOver(List<String> stageNames, List<CompiledLoss> stageLosses, CompiledLoss main) {

    StageParameterHandOver {
        stageNames = List.copyOf(stageNames);
        stageLosses = List.copyOf(stageLosses);
        Objects.requireNonNull(main, "main");
        if (stageNames.size() != stageLosses.size()) {
            throw new IllegalArgumentException(stageNames.size() + " stage names for " + stageLosses.size()
                    + " stage losses");
        }
    }

    /**
     * Checks that every trained parameter a loss reads is declared, with the same shape, by a stage before it.
     *
     * @throws IllegalArgumentException naming the parameter, its reader and what the earlier stages declare
     */
    void check() {
        List<CompiledLoss> losses = losses();
        for (int reader = 0; reader < losses.size(); reader++) {
            CompiledLoss loss = losses.get(reader);
            for (Map.Entry<String, long[]> read : loss.trainedParameters().entrySet()) {
                String name = read.getKey();
                int trainer = latestDeclaring(name, reader);
                String where = loss.trainedParameterUser(name) + " (" + stageLabel(reader) + ")";
                if (trainer < 0) {
                    throw new IllegalArgumentException(where + " reads the loss parameter '" + name + "' that an"
                            + " earlier stage trains, but no earlier stage declares it; " + declarations(reader)
                            + ". Add the stage that trains it before (its plugin's README names it)");
                }
                long[] trained = stageLosses.get(trainer).parameters().value(name).shape();
                if (!Arrays.equals(trained, read.getValue())) {
                    throw new IllegalArgumentException(where + " reads the loss parameter '" + name + "' with shape "
                            + Arrays.toString(read.getValue()) + ", but stage " + stageNames.get(trainer)
                            + " trains it with shape " + Arrays.toString(trained));
                }
            }
        }
    }

    /** After stage {@code stage} has trained: its parameters' values go to every later loss that reads them. */
    void handOver(int stage) {
        List<CompiledLoss> losses = losses();
        for (int reader = stage + 1; reader < losses.size(); reader++) {
            CompiledLoss loss = losses.get(reader);
            for (String name : loss.trainedParameters().keySet()) {
                if (stageLosses.get(stage).parameters().names().contains(name)) {
                    loss.bindTrainedParameter(name, stageLosses.get(stage).parameters().value(name));
                }
            }
        }
    }

    private List<CompiledLoss> losses() {
        List<CompiledLoss> losses = new ArrayList<>(stageLosses);
        losses.add(main);
        return losses;
    }

    private int latestDeclaring(String name, int before) {
        for (int stage = before - 1; stage >= 0; stage--) {
            if (stageLosses.get(stage).parameters().names().contains(name)) {
                return stage;
            }
        }
        return -1;
    }

    private String stageLabel(int index) {
        return index < stageNames.size() ? "stage " + stageNames.get(index) : "the main training";
    }

    private String declarations(int before) {
        if (before == 0) {
            return "it has no earlier stage";
        }
        List<String> declared = new ArrayList<>();
        for (int stage = 0; stage < before; stage++) {
            declared.add("stage " + stageNames.get(stage) + " declares " + stageLosses.get(stage).parameters().names());
        }
        return String.join("; ", declared);
    }
}
