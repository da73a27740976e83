package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code seeds} of a descriptor: a non-empty list of distinct integers {@code >= 0}, in the order written. */
record SeedList(List<Long> seeds) {

    SeedList {
        seeds = List.copyOf(seeds);
    }

    static final ValueBinder<SeedList> BINDER = new ValueBinder<>() {
        @Override
        public String typeName() {
            return "list of seeds";
        }

        @Override
        public Optional<SeedList> bind(JsonNode value, BindingScope scope) {
            if (!value.isArray() || value.isEmpty()) {
                scope.reportUnexpected("a non-empty list of seeds (distinct integers >= 0), such as [1, 2, 3]", value);
                return Optional.empty();
            }
            List<Long> seeds = new ArrayList<>();
            Map<Long, Integer> firstIndex = new HashMap<>();
            boolean valid = true;
            for (int i = 0; i < value.size(); i++) {
                JsonNode seed = value.get(i);
                if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.longValue() < 0) {
                    scope.element(i).reportUnexpected("a seed (an integer >= 0)", seed);
                    valid = false;
                    continue;
                }
                Integer earlier = firstIndex.putIfAbsent(seed.longValue(), i);
                if (earlier != null) {
                    scope.element(i).report("seed " + seed.longValue() + " is listed twice (also at "
                            + scope.path() + "[" + earlier + "]); seeds must be distinct");
                    valid = false;
                }
                seeds.add(seed.longValue());
            }
            return valid ? Optional.of(new SeedList(seeds)) : Optional.empty();
        }
    };
}
