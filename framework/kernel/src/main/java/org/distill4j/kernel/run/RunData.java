package org.distill4j.kernel.run;

import org.distill4j.api.DatasetSource;
import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.Dataset;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.retrieval.RetrievalData;

import java.util.Objects;
import java.util.Optional;

/**
 * The first stage of a run: its data, loaded from the dataset component with the run's seed.
 *
 * @param training  what the networks train and are evaluated on: the whole dataset, or a retrieval task's training
 *                  classes
 * @param retrieval the retrieval task's split, when the experiment is one (its gallery is evaluated by retrieval)
 */
record RunData(Dataset training, Optional<RetrievalData> retrieval) {

    RunData {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(retrieval, "retrieval");
    }

    static RunData load(ResolvedExperiment experiment, long seed, RunComponents components) {
        Dataset loaded = components.create(experiment.dataset(), DatasetSource.class)
                .load(new DataContext(seed, experiment.source().toAbsolutePath().getParent()));
        // A retrieval task trains on some classes and is evaluated by retrieval among the test images of the others.
        Optional<RetrievalData> retrieval = experiment.retrieval().map(task -> RetrievalData.of(loaded, task));
        return new RunData(retrieval.map(RetrievalData::training).orElse(loaded), retrieval);
    }
}
