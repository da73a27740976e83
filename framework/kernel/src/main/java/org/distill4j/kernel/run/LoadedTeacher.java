package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.TrainableGraph;

import java.util.Map;

/**
 * A teacher ready for inference, with what the student's records say about it.
 *
 * @param network    the teacher graph
 * @param metrics    identifying facts for the student's {@code metrics.json} (deterministic)
 * @param provenance where it came from, for {@code provenance.json} (run directory, model hash, file path)
 */
record LoadedTeacher(TrainableGraph network, Map<String, Object> metrics, Map<String, Object> provenance) {
}
