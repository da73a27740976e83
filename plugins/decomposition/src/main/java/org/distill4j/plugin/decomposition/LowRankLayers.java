package org.distill4j.plugin.decomposition;

import org.distill4j.api.network.NetworkSpec;
import org.distill4j.api.network.NodeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resolves the {@code layers} parameter against a network: which convs to decompose, in topological order. */
final class LowRankLayers {

    private LowRankLayers() {
    }

    static List<NodeSpec.Conv2d> choose(LowRankParams params, NetworkSpec spec) {
        List<NodeSpec.Conv2d> convs = spec.nodes().stream().filter(NodeSpec.Conv2d.class::isInstance)
                .map(NodeSpec.Conv2d.class::cast).toList();
        if (params.layersByRule()) {
            boolean skipFirst = params.layers().get(0).equals(LowRankParams.ALL_BUT_FIRST);
            return skipFirst && !convs.isEmpty() ? convs.subList(1, convs.size()) : convs;
        }
        Map<String, NodeSpec.Conv2d> byName = convs.stream()
                .collect(Collectors.toMap(NodeSpec.Conv2d::name, Function.identity()));
        List<String> unknown = new ArrayList<>();
        for (String layer : params.layers()) {
            if (!byName.containsKey(layer)) {
                unknown.add(layer);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("low-rank: layers " + unknown + " are not convs of this "
                    + spec.family() + " network; its convs are " + convs.stream().map(NodeSpec.Conv2d::name).toList()
                    + " (or use [all-but-first] or [all])");
        }
        return convs.stream().filter(conv -> params.layers().contains(conv.name())).toList();
    }
}
