package org.distill4j.report;

import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ParseResult;
import org.distill4j.kernel.descriptor.ResolvedExperiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses every experiment of a table with a profile: each row's descriptor, then each of its column variants. A
 * descriptor's problems are reported under {@code rows[i].experiment(<file>)}, like a teacher descriptor's; a
 * problem that only a column's override causes says which override.
 */
public final class VariantResolver {

    private final DescriptorParser parser;

    public VariantResolver(DescriptorParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * The resolved experiment of every variant of the table.
     *
     * @throws InvalidTableSpecException listing every problem of every row descriptor and variant
     */
    public Map<TableVariant, ResolvedExperiment> resolve(TableSpecFile table, Optional<String> profile) {
        Map<TableVariant, ResolvedExperiment> resolved = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<Integer, Boolean> rowValid = new HashMap<>();
        for (CellPlan plan : table.cellPlans()) {
            Path descriptor = plan.variant().descriptor();
            String prefix = "rows[" + plan.row() + "].experiment(" + Paths.slashed(table.source().getParent()
                    .relativize(descriptor)) + ")";
            // A row whose descriptor is invalid on its own is reported once, not once per column.
            boolean valid = rowValid.computeIfAbsent(plan.row(), row -> {
                ParseResult base = parser.parse(descriptor, profile, List.of());
                base.problems().forEach(problem -> problems.add(prefixed(prefix, problem, "")));
                base.experiment().ifPresent(experiment -> resolved.put(new TableVariant(descriptor, List.of()), experiment));
                return base.isValid();
            });
            if (!valid || resolved.containsKey(plan.variant())) {
                continue;
            }
            ParseResult variant = parser.parse(descriptor, profile, plan.variant().overrides());
            String because = " (with " + plan.variant().overrides().stream().map(DescriptorOverride::toString)
                    .reduce((a, b) -> a + ", " + b).orElse("") + " from columns.values[" + plan.column().orElse(0) + "])";
            variant.problems().forEach(problem -> problems.add(prefixed(prefix, problem, because)));
            variant.experiment().ifPresent(experiment -> resolved.put(plan.variant(), experiment));
        }
        if (!problems.isEmpty()) {
            throw new InvalidTableSpecException(table.source(), problems);
        }
        return Map.copyOf(resolved);
    }

    private static Problem prefixed(String prefix, Problem problem, String suffix) {
        String path = problem.path().isEmpty() ? prefix
                : problem.path().startsWith("[") ? prefix + problem.path() : prefix + "." + problem.path();
        return new Problem(path, problem.message() + suffix);
    }
}
