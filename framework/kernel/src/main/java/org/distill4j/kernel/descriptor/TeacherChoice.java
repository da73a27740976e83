package org.distill4j.kernel.descriptor;

/**
 * Where an experiment's teacher comes from: another experiment, trained (or reused from the result store) first, or
 * a trained model file.
 */
public sealed interface TeacherChoice permits ExperimentTeacher, FileTeacher {
}
