package org.distill4j.plugin.attentiontransfer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks on the list of pairs both distillers of this plugin take. */
final class AttentionTransferPairs {

    static List<AttentionTransferPair> check(List<AttentionTransferPair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs needs at least one {student: <vertex>, teacher: <vertex>}");
        }
        Set<AttentionTransferPair> seen = new HashSet<>();
        for (AttentionTransferPair pair : pairs) {
            if (!seen.add(pair)) {
                throw new IllegalArgumentException("pair " + pair + " is listed twice");
            }
        }
        return List.copyOf(pairs);
    }

    static Set<String> students(List<AttentionTransferPair> pairs) {
        Set<String> taps = new TreeSet<>();
        pairs.forEach(pair -> taps.add(pair.student()));
        return taps;
    }

    static Set<String> teachers(List<AttentionTransferPair> pairs) {
        Set<String> taps = new TreeSet<>();
        pairs.forEach(pair -> taps.add(pair.teacher()));
        return taps;
    }

    private AttentionTransferPairs() {
    }
}
