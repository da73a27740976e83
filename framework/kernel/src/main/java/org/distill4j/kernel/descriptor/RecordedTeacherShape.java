package org.distill4j.kernel.descriptor;

import org.distill4j.api.Parameter;

/** A teacher experiment as a {@code resolved.json} records it: by identity, not by descriptor file. */
record RecordedTeacherShape(
        @Parameter(description = "the teacher's experiment id") String experiment,
        @Parameter(description = "the teacher's full hash (64 hexadecimal digits)") String hash,
        @Parameter(description = "'same' (the student's seed) or the teacher run's fixed seed") TeacherSeed seed) {
}
