package org.distill4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One report from the reports of several rounds of the same benchmark: for every figure, its best round. On a shared
 * machine a neighbour's burst slows whatever runs at that moment (the same Distill4J build measured 2,062 and
 * 3,676 img/s on one family ten minutes apart), so alternating the two implementations over rounds and keeping each
 * one's best round compares both at their least disturbed, as the best of several runs does in any benchmark.
 *
 * <p>Times ({@code ...-ms}) keep their smallest value, throughputs ({@code ...-per-second}) their largest, peak
 * memory its largest (the worst round, as memory is not noise); the KD step's phases come whole from the round of its
 * best KD step; every other value is the first round's. Arrays match
 * by position: every round measures the same workloads in the same order.
 */
public final class BestOfRounds {

    private static final String PHASES = "kd-step-phases-ms";
    private static final String KD_STEP = "kd-step-ms";

    private BestOfRounds() {
    }

    public static JsonNode best(List<JsonNode> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("the best of no rounds is undefined");
        }
        JsonNode best = rounds.get(0).deepCopy();
        for (JsonNode round : rounds.subList(1, rounds.size())) {
            best = merge(best, round, "");
        }
        return best;
    }

    private static JsonNode merge(JsonNode best, JsonNode round, String key) {
        if (best.isObject() && round.isObject()) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = best.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = round.get(field.getKey());
                if (other == null) {
                    merged.set(field.getKey(), field.getValue());
                } else if (field.getKey().equals(PHASES)) {
                    // The phases of one KD step add up to it: take them whole from the round whose step was best.
                    boolean roundBetter = round.path(KD_STEP).asDouble(Double.MAX_VALUE)
                            < best.path(KD_STEP).asDouble(Double.MAX_VALUE);
                    merged.set(PHASES, roundBetter ? other : field.getValue());
                } else {
                    merged.set(field.getKey(), merge(field.getValue(), other, field.getKey()));
                }
            }
            return merged;
        }
        if (best.isArray() && round.isArray() && best.size() == round.size()) {
            ArrayNode merged = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < best.size(); i++) {
                merged.add(merge(best.get(i), round.get(i), key));
            }
            return merged;
        }
        if (best.isNumber() && round.isNumber()) {
            double mine = best.doubleValue();
            double theirs = round.doubleValue();
            if (key.endsWith("-per-second") || key.equals("peak-resident-mb")) {
                return theirs > mine ? round : best;
            }
            if (key.endsWith("-ms")) {
                return theirs < mine ? round : best;
            }
        }
        return best;
    }
}
