package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Map;

/**
 * The {@code student-source} section of {@code metrics.json}, for a student a derived family designed: the source
 * run, the designed width of every convolution and dense layer, and the family's design details (written beside).
 */
public record SourceMetrics(String experiment, String hash, long seed, Map<String, Integer> designed,
        @JsonIgnore Map<String, Object> details) {

    @JsonAnyGetter
    public Map<String, Object> detailProperties() {
        return details;
    }
}
