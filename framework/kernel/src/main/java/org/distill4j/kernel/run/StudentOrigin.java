package org.distill4j.kernel.run;

import org.distill4j.kernel.records.AlignmentMetrics;
import org.distill4j.kernel.records.CompressionMetrics;
import org.distill4j.kernel.records.SourceMetrics;
import org.distill4j.kernel.records.TeacherProvenance;

/**
 * What the make-student stage adds to a run's records; each part is null where it does not apply.
 *
 * @param compression        {@code metrics.json}'s compression section, for a compressed student
 * @param alignment          its alignment section, for a compressed student an aligner recovered
 * @param source             its student-source section, for a student a derived family designed
 * @param sourceProvenance   {@code provenance.json}'s student-source section: the source run
 * @param compressionSeconds the compressor's time
 * @param alignmentSeconds   the aligner's time
 */
record StudentOrigin(CompressionMetrics compression, AlignmentMetrics alignment, SourceMetrics source,
        TeacherProvenance sourceProvenance, Double compressionSeconds, Double alignmentSeconds) {

    /** A student trained from its family's initialisation: nothing to add. */
    static final StudentOrigin FAMILY = new StudentOrigin(null, null, null, null, null, null);

    boolean compressed() {
        return compression != null;
    }
}
