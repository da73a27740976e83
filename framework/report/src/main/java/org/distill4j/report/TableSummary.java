package org.distill4j.report;

import org.distill4j.kernel.descriptor.DescriptorOverride;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the commands print about a built table: how many cells are complete, and what to do about the others. */
public final class TableSummary {

    /** {@code hinton2015: 5 cells: 4 complete, 1 missing}. */
    public static String counts(Table table) {
        return table.definition().table() + ": " + cellCounts(table.cells());
    }

    /**
     * The line that ends {@code distill4j tables}: {@code 2 tables, 8 cells: 6 complete, 1 missing, 1 stale}. Cells
     * are counted by status in the order complete, partial, missing, stale; a status no cell has is left out.
     */
    public static String total(List<Table> tables) {
        List<Cell> cells = tables.stream().flatMap(table -> table.cells().stream()).toList();
        return tables.size() + (tables.size() == 1 ? " table, " : " tables, ") + cellCounts(cells);
    }

    /** The cells whose value rests on runs made from uncommitted code: what makes {@code --strict} fail too. */
    public static List<String> dirtyCells(List<Table> tables) {
        List<String> lines = new ArrayList<>();
        for (Table table : tables) {
            for (Cell cell : table.cells()) {
                List<RunRecord> dirty = cell.dirtyRuns();
                if (!dirty.isEmpty()) {
                    lines.add("dirty    " + table.definition().table() + " " + cell.location() + ": "
                            + dirty.stream().map(run -> table.resultsPath() + "/" + run.directory())
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
        return List.copyOf(lines);
    }

    /** How many cells of the tables are not complete: what makes {@code --strict} fail. */
    public static int incompleteCount(List<Table> tables) {
        return tables.stream().mapToInt(table -> table.incompleteCells().size()).sum();
    }

    private static String cellCounts(List<Cell> cells) {
        Map<CellStatus, Integer> counts = new EnumMap<>(CellStatus.class);
        cells.forEach(cell -> counts.merge(cell.status(), 1, Integer::sum));
        return cells.size() + (cells.size() == 1 ? " cell: " : " cells: ")
                + counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey().text())
                .collect(Collectors.joining(", "));
    }

    /**
     * One line per incomplete cell: its status, where it is, its experiment and hash, how many runs it has, and
     * the command that trains what it lacks.
     */
    public static List<String> incompleteCells(Table table) {
        List<String> lines = new ArrayList<>();
        for (Cell cell : table.incompleteCells()) {
            List<String> run = new ArrayList<>(List.of(RegenerateCommand.LAUNCHER, "run", cell.descriptor()));
            if (!table.profile().isEmpty()) {
                run.addAll(List.of("--profile", table.profile()));
            }
            run.addAll(List.of("--results", table.resultsPath()));
            for (DescriptorOverride override : cell.plan().variant().overrides()) {
                run.addAll(List.of("--override", override.toString()));
            }
            lines.add(String.format(java.util.Locale.ROOT, "%-8s %s: %s at %s, %d of %d runs%s; train with: %s",
                    cell.status().text(), cell.location(), cell.experiment(), cell.hash12(), cell.runs().size(),
                    cell.seeds().size(), (cell.olderRuns().isEmpty() ? ""
                            : " (" + cell.olderRuns().size() + " older runs not used)")
                            + (cell.damaged().isEmpty() ? "" : " (damaged, not used: " + cell.damaged().stream()
                                    .map(damaged -> damaged.directory() + ": " + damaged.problem())
                                    .collect(Collectors.joining("; ")) + ")"),
                    ShellWords.join(run)));
        }
        return List.copyOf(lines);
    }

    private TableSummary() {
    }
}
