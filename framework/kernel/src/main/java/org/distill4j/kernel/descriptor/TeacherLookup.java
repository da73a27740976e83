package org.distill4j.kernel.descriptor;

/**
 * Finds the experiment a recorded teacher reference ({@code {experiment: <id>, hash: <full hash>}}) names, for
 * {@link RecordedDescriptorReader}; a recorded {@code student.source} is found the same way. A result store implements
 * it by reading the teacher's recorded run.
 */
@FunctionalInterface
public interface TeacherLookup {

    /**
     * The teacher experiment with this id and hash, or the problems that prevent finding it (their paths are shown
     * below {@code teacher.experiment(<id>)}).
     */
    ParseResult find(String experimentId, String hash);
}
