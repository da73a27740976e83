package org.distill4j.plugin.similaritypreserving;

import org.distill4j.api.Parameter;
import org.distill4j.api.Range;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parameters of {@code similarity-preserving}. The default weight is RepDistiller's ({@code -b 3000} in
 * {@code scripts/run_cifar_distill.sh}, line 11).
 */
public record SimilarityPreservingParams(
        @Parameter(description = "student and teacher activations whose batch similarities are matched, e.g."
                + " [{student: stage3.output, teacher: stage3.output}]; shapes may differ, each is flattened per"
                + " sample") List<SimilarityPreservingPair> pairs,
        @Parameter(description = "weight gamma of the similarity term (summed over pairs)", defaultValue = "3000")
        @Range(min = 0, minExclusive = true) double gamma) {

    public SimilarityPreservingParams {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs needs at least one {student: <vertex>, teacher: <vertex>}, e.g."
                    + " {student: stage3.output, teacher: stage3.output}");
        }
        Set<SimilarityPreservingPair> seen = new HashSet<>();
        for (SimilarityPreservingPair pair : pairs) {
            if (!seen.add(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is listed twice");
            }
        }
        pairs = List.copyOf(pairs);
    }

    Set<String> studentTaps() {
        Set<String> taps = new TreeSet<>();
        pairs.forEach(pair -> taps.add(pair.student()));
        return taps;
    }

    Set<String> teacherTaps() {
        Set<String> taps = new TreeSet<>();
        pairs.forEach(pair -> taps.add(pair.teacher()));
        return taps;
    }
}
