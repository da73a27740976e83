package org.distill4j.kernel.run;

import org.distill4j.kernel.engine.TrainableGraph;
import org.distill4j.kernel.records.TeacherIdentity;
import org.distill4j.kernel.records.TeacherProvenance;

/**
 * A teacher ready for inference, with what the student's records say about it.
 *
 * @param network    the teacher graph
 * @param identity   which teacher, for the student's {@code metrics.json} (deterministic)
 * @param provenance where it came from, for {@code provenance.json} (run directory, model hash, file path)
 */
record LoadedTeacher(TrainableGraph network, TeacherIdentity identity, TeacherProvenance provenance) {
}
