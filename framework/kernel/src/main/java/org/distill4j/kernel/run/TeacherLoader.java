package org.distill4j.kernel.run;

import org.deeplearning4j.util.ModelSerializer;
import org.distill4j.api.InputGradients;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.TensorShape;
import org.distill4j.kernel.descriptor.ExperimentTeacher;
import org.distill4j.kernel.descriptor.FileTeacher;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.descriptor.TeacherChoice;
import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.records.TeacherIdentity;
import org.distill4j.kernel.records.TeacherProvenance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Loads a run's teacher: the model of a teacher experiment's run (trained first if it is not DONE), or a model file
 * checked against its SHA-256.
 */
final class TeacherLoader {

    private final RunStore store;
    private final BiFunction<ResolvedExperiment, Long, RunResult> runWithModel;

    /**
     * @param runWithModel runs (or reuses) a teacher experiment's run and makes sure its model file exists
     */
    TeacherLoader(RunStore store, BiFunction<ResolvedExperiment, Long, RunResult> runWithModel) {
        this.store = store;
        this.runWithModel = runWithModel;
    }

    LoadedTeacher load(TeacherChoice choice, long studentSeed) {
        if (choice instanceof ExperimentTeacher experimentTeacher) {
            long seed = experimentTeacher.seedFor(studentSeed);
            RunResult run = runWithModel.apply(experimentTeacher.experiment(), seed);
            Path model = run.directory().resolve(RunStore.MODEL);
            TeacherIdentity identity = TeacherIdentity.ofRun(experimentTeacher.experiment().id(),
                    experimentTeacher.experiment().hash(), seed);
            return new LoadedTeacher(restore(model), identity, TeacherProvenance.ofRun(identity,
                    store.root().relativize(run.directory()).toString(), AtomicFiles.sha256(model)));
        }
        FileTeacher file = (FileTeacher) choice;
        if (!Files.isRegularFile(file.file())) {
            throw new IllegalArgumentException("teacher file " + file.file() + " does not exist");
        }
        String actual = AtomicFiles.sha256(file.file());
        if (!actual.equalsIgnoreCase(file.sha256())) {
            throw new IllegalArgumentException("teacher file " + file.file() + " has SHA-256 " + actual
                    + " but the descriptor expects " + file.sha256() + "; is it the right file?");
        }
        TeacherIdentity identity = TeacherIdentity.ofFile(file.file().getFileName().toString(), actual);
        return new LoadedTeacher(restore(file.file()), identity, TeacherProvenance.ofFile(identity,
                file.file().toString()));
    }

    /**
     * Per-sample shapes of the teacher's tapped vertices, from one inference pass on one training image;
     * {@link InputGradients#INPUT_GRADIENT}, the one input-gradient tap a teacher has, has the shape of the data's
     * images.
     */
    static Map<String, TensorShape> shapes(TrainableGraph teacher, Set<String> taps, Dataset data) {
        Set<String> vertices = new LinkedHashSet<>(taps);
        vertices.remove(InputGradients.INPUT_GRADIENT);
        for (String tap : vertices) {
            if (teacher.getVertex(tap) == null) {
                throw new IllegalArgumentException("the teacher has no vertex '" + tap + "'; its vertices: "
                        + Arrays.stream(teacher.getVertices()).map(vertex -> vertex.getVertexName()).sorted().toList());
            }
        }
        INDArray one = data.train().features().get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all());
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        for (String tap : taps) {
            if (tap.equals(InputGradients.INPUT_GRADIENT)) {
                shapes.put(tap, TensorShape.map(data.shape().channels(), data.shape().height(), data.shape().width()));
            }
        }
        if (vertices.isEmpty()) {
            return shapes;
        }
        teacher.infer(one, List.copyOf(vertices)).forEach((tap, activation) -> {
            long[] shape = activation.shape();
            shapes.put(tap, shape.length == 2 ? TensorShape.vector((int) shape[1])
                    : TensorShape.map((int) shape[1], (int) shape[2], (int) shape[3]));
        });
        return shapes;
    }

    private static TrainableGraph restore(Path model) {
        try {
            return TrainableGraph.of(ModelSerializer.restoreComputationGraph(model.toFile(), false));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the teacher model " + model
                    + " (a DL4J ModelSerializer ComputationGraph zip is expected): " + e.getMessage(), e);
        }
    }
}
