package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall@K and mAP of one retrieval evaluation, written as {@code recall-at-K} for every K asked, {@code map} and
 * {@code queries}.
 *
 * @param recall               Recall@K by K
 * @param meanAveragePrecision mAP over the queries
 * @param queries              the images used as queries
 */
public record RetrievalScores(@JsonIgnore Map<Integer, Double> recall,
        @JsonProperty("map") double meanAveragePrecision, int queries) {

    public RetrievalScores {
        recall = Collections.unmodifiableMap(new TreeMap<>(recall));
    }

    /** The {@code recall-at-K} properties, written beside the others. */
    @JsonAnyGetter
    public Map<String, Double> recallProperties() {
        Map<String, Double> properties = new TreeMap<>();
        recall.forEach((k, value) -> properties.put("recall-at-" + k, value));
        return properties;
    }
}
