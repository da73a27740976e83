package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.NodeDescriptions;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.distill4j.kernel.parameters.YamlDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads table specs strictly, as descriptors are read: unknown keys (with the valid ones), wrong types, values out
 * of range and the spec's own rules are all reported at once, each with its path ({@code rows[2].label}). Row
 * descriptors are not parsed here (that needs the plugins and a profile; see {@link VariantResolver}).
 */
public final class TableSpecReader {

    private static final Pattern IN_METRIC_COLUMN = Pattern.compile("metric-columns\\[(\\d+)]\\.([a-z-]+).*");

    private final ParameterBinder binder;

    /** A reader that expands {@code ${NAME}} in row paths from the process environment. */
    public TableSpecReader() {
        this(new ParameterBinder());
    }

    /** A reader whose binder decides the environment (tests pass a fixed one). */
    public TableSpecReader(ParameterBinder binder) {
        this.binder = Objects.requireNonNull(binder, "binder")
                .with(TableId.class, TableId.BINDER)
                .with(MetricPath.class, MetricPath.BINDER)
                .with(ValueFormat.class, ValueFormat.BINDER);
    }

    /**
     * Reads a valid spec.
     *
     * @throws InvalidTableSpecException listing every problem of the spec
     */
    public TableSpecFile read(Path spec) {
        Path source = spec.toAbsolutePath().normalize();
        Reading reading = reading(source);
        return reading.file().orElseThrow(() -> new InvalidTableSpecException(source, reading.problems()));
    }

    /** Every problem of a spec, empty when it is valid. */
    public List<Problem> problems(Path spec) {
        return reading(spec.toAbsolutePath().normalize()).problems();
    }

    /**
     * The experiments a table reads, each row with each column value (a fixed row once), without duplicates: what
     * a sweep must train, with the profile it applies, for the table to be complete.
     *
     * @throws InvalidTableSpecException listing every problem of the spec
     */
    public List<TableVariant> variants(Path spec) {
        return read(spec).variants();
    }

    private Reading reading(Path source) {
        YamlDocument yaml = StrictYaml.read(source);
        if (!yaml.problems().isEmpty()) {
            return new Reading(Optional.empty(), yaml.problems());
        }
        if (yaml.tree().isEmpty()) {
            return new Reading(Optional.empty(), List.of(new Problem("", "the table spec is empty; it needs at least"
                    + " table, title, metric and rows")));
        }
        JsonNode tree = yaml.tree().get();
        if (!tree.isObject()) {
            return new Reading(Optional.empty(), List.of(new Problem("", "expected a map of keys (table, title,"
                    + " metric, rows, ...), got " + NodeDescriptions.of(tree))));
        }
        Binding<TableSpec> binding = binder.bind(tree, TableSpec.class, "", source.getParent());
        List<Problem> problems = new ArrayList<>(withColumnLabels(binding.problems(), tree));
        if (binding.bestEffortValue().isPresent()) {
            problems.addAll(TableSpecChecks.check(binding.bestEffortValue().get(), source.getParent()));
        } else {
            problems.addAll(missingDescriptors(tree.path("rows"), source.getParent()));
        }
        Optional<TableSpecFile> file = problems.isEmpty()
                ? Optional.of(new TableSpecFile(source, binding.bestEffortValue().orElseThrow()))
                : Optional.empty();
        return new Reading(file, problems);
    }

    /**
     * The rows whose descriptor file does not exist, when another key kept the spec from binding: a mistyped path is
     * the most common problem of a spec, and it should not wait for the other problems to be fixed. Rows that do not
     * bind are skipped; their problems are already reported.
     */
    private List<Problem> missingDescriptors(JsonNode rows, Path specDirectory) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; rows.isArray() && i < rows.size(); i++) {
            int index = i;
            binder.bind(rows.get(i), RowSpec.class, "rows[" + i + "]", specDirectory).bestEffortValue()
                    .flatMap(row -> TableSpecChecks.missingDescriptor(row, index, specDirectory))
                    .ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * The binding problems, each problem inside a metric column (its metric, scale or format) naming the column by
     * its label too: {@code metric-columns[2].format: '%d' cannot format a number ... (in column 'weights')}.
     */
    private static List<Problem> withColumnLabels(List<Problem> problems, JsonNode tree) {
        List<Problem> named = new ArrayList<>();
        for (Problem problem : problems) {
            Matcher inColumn = IN_METRIC_COLUMN.matcher(problem.path());
            JsonNode label = inColumn.matches() && !inColumn.group(2).equals("label")
                    ? tree.path("metric-columns").path(Integer.parseInt(inColumn.group(1))).path("label")
                    : MissingNode.getInstance();
            named.add(label.isTextual() && !label.textValue().isBlank()
                    ? new Problem(problem.path(), problem.message() + " (in column '" + label.textValue() + "')")
                    : problem);
        }
        return named;
    }

    /** A spec file read: the spec, or every problem (never both). */
    private record Reading(Optional<TableSpecFile> file, List<Problem> problems) {
        Reading {
            problems = List.copyOf(problems);
        }
    }
}
