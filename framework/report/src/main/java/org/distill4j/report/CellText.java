package org.distill4j.report;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A cell as text, in parts every output assembles its own way (Markdown and HTML with ±, LaTeX with $\pm$).
 *
 * @param value     the formatted value (every value, comma-separated, for {@code all}); empty without runs, or
 *                  when the runs do not record the metric
 * @param deviation the formatted sample standard deviation; empty unless {@code mean-std} with n >= 2
 * @param note      how complete the cell is: {@code n=3}, {@code n=1 of 3}, {@code missing}, or a stale note; empty
 *                  for a complete cell whose runs do not record the metric
 * @param recorded  false when the cell's runs do not record its metric column's metric (shown as –)
 * @param difference against the table's baseline row, {@code +0.45 ± 0.62} (the 95% interval's half-width) or
 *                  {@code +0.45} with one seed; empty without a baseline, in its row, or without a shared seed
 */
record CellText(String value, String deviation, String note, boolean recorded, String difference) {

    /** What a cell whose runs do not record its metric shows instead of a number. */
    static final String NOT_RECORDED = "–";

    CellText {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(deviation, "deviation");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(difference, "difference");
    }

    /** The cell in its table: with its difference to the baseline row, when the table has one. */
    static CellText of(Cell cell, Table table) {
        CellText text = of(cell, table.definition());
        ValueFormat format = table.definition().format(cell.plan().column());
        String difference = table.difference(cell).map(paired -> signed(format, paired.mean())
                + (paired.halfWidth().isPresent() ? " ± " + format.format(paired.halfWidth().getAsDouble()) : ""))
                .orElse("");
        return new CellText(text.value, text.deviation, text.note, text.recorded, difference);
    }

    private static String signed(ValueFormat format, double value) {
        String shown = format.format(value);
        return shown.startsWith("-") ? shown : "+" + shown;
    }

    /** The cell with the format of its column: a metric column's own, or the table's. */
    static CellText of(Cell cell, TableSpec spec) {
        return of(cell, spec.format(cell.plan().column()));
    }

    static CellText of(Cell cell, ValueFormat format) {
        if (!cell.recorded()) {
            // The runs are there, the metric is not: a run count would read as a value over those runs, so only an
            // incomplete cell keeps its note (what --strict refuses must stay visible).
            return new CellText("", "", cell.status() == CellStatus.COMPLETE && cell.dirtyRuns().isEmpty() ? ""
                    : note(cell), false, "");
        }
        CellValue value = cell.value();
        String shown = "";
        if (value.n() > 0) {
            shown = value.aggregation() == Aggregation.ALL
                    ? value.values().stream().map(format::format).collect(Collectors.joining(", "))
                    : format.format(value.center().orElseThrow());
        }
        String deviation = value.deviation().isPresent() ? format.format(value.deviation().getAsDouble()) : "";
        return new CellText(shown, deviation, note(cell), true, "");
    }

    /**
     * The whole cell on one line: {@code 91.20 ± 0.31 (n=3)} or {@code — (missing)}; {@code –} when the runs do not
     * record the metric ({@code – (n=1 of 3)} when the cell is also incomplete).
     */
    String plain() {
        if (!recorded) {
            return NOT_RECORDED + (note.isEmpty() ? "" : " (" + note + ")");
        }
        if (value.isEmpty()) {
            return "— (" + note + ")";
        }
        return value + (deviation.isEmpty() ? "" : " ± " + deviation) + " (" + note + ")"
                + (difference.isEmpty() ? "" : ", Δ " + difference);
    }

    private static String note(Cell cell) {
        String note = statusNote(cell);
        int dirty = cell.dirtyRuns().size();
        return dirty == 0 ? note : note + ", " + dirty + " dirty";
    }

    private static String statusNote(Cell cell) {
        int older = cell.olderRuns().size();
        String counted = "n=" + cell.runs().size() + (cell.runs().size() == cell.seeds().size() ? ""
                : " of " + cell.seeds().size());
        switch (cell.status()) {
            case MISSING:
                return "missing";
            case DAMAGED:
                return counted + ", " + cell.damaged().size() + " damaged " + (cell.damaged().size() == 1 ? "run"
                        : "runs");
            case STALE:
                return cell.runs().isEmpty()
                        ? "stale: " + older + (older == 1 ? " run" : " runs") + " of an older descriptor"
                        : counted + ", stale: " + older + " older " + (older == 1 ? "run" : "runs");
            default:
                return counted;
        }
    }
}
