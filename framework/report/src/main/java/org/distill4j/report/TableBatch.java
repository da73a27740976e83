package org.distill4j.report;

import org.distill4j.api.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Many table specs built together, as the commands need them: every spec is read (and its descriptors resolved)
 * before anything is written, so that one run reports the problems of every invalid spec rather than stopping at
 * the first.
 *
 * @param tables  the tables of the valid specs, in the order given
 * @param invalid one exception per invalid spec, each listing all of that spec's problems
 */
public record TableBatch(List<Table> tables, List<InvalidTableSpecException> invalid) {

    public TableBatch {
        tables = List.copyOf(tables);
        invalid = List.copyOf(invalid);
    }

    /**
     * Builds every spec with the same profile and results.
     *
     * @throws IllegalStateException when a finished run has no number at its table's metric
     */
    public static TableBatch build(TableBuilder builder, List<Path> specs, Optional<String> profile, Path results) {
        Objects.requireNonNull(builder, "builder");
        List<Table> tables = new ArrayList<>();
        List<InvalidTableSpecException> invalid = new ArrayList<>();
        Map<String, Table> byFileName = new HashMap<>();
        for (Path spec : specs) {
            try {
                Table table = builder.build(spec, profile, results);
                Table earlier = byFileName.putIfAbsent(table.fileBaseName(), table);
                if (earlier != null) {
                    invalid.add(sameFiles(table, earlier));
                } else {
                    tables.add(table);
                }
            } catch (InvalidTableSpecException e) {
                invalid.add(e);
            }
        }
        return new TableBatch(tables, invalid);
    }

    // Output files are named after the table id, so two specs with one id (or with ids such as a/b and a-b) would
    // silently overwrite each other's files.
    private static InvalidTableSpecException sameFiles(Table table, Table earlier) {
        return new InvalidTableSpecException(table.spec().source(), List.of(new Problem("table", "'"
                + table.definition().table() + "' writes the same files (" + table.fileBaseName() + ".*) as table '"
                + earlier.definition().table() + "' of " + earlier.specPath() + "; give each table its own id")));
    }

    public boolean isValid() {
        return invalid.isEmpty();
    }

    /**
     * The problems of the invalid specs as the commands print them: {@code INVALID <spec>: n problems} and then one
     * line per problem, {@code   - <path in the spec>: <message>}. A spec below {@code base} is shown relative to
     * it, any other spec by its absolute path.
     */
    public List<String> problemLines(Path base) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();
        for (InvalidTableSpecException spec : invalid) {
            int count = spec.problems().size();
            String shown = spec.source().startsWith(absoluteBase) ? Paths.relative(absoluteBase, spec.source())
                    : spec.source().toString();
            lines.add("INVALID " + shown + ": " + count
                    + (count == 1 ? " problem" : " problems"));
            for (Problem problem : spec.problems()) {
                lines.add("  - " + problem);
            }
        }
        return List.copyOf(lines);
    }
}
