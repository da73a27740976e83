package org.distill4j.report;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A cell as text, in parts every output assembles its own way (Markdown and HTML with ±, LaTeX with $\pm$).
 *
 * @param value     the formatted value (every value, comma-separated, for {@code all}); empty without runs
 * @param deviation the formatted sample standard deviation; empty unless {@code mean-std} with n >= 2
 * @param note      how complete the cell is: {@code n=3}, {@code n=1 of 3}, {@code missing}, or a stale note
 */
record CellText(String value, String deviation, String note) {

    CellText {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(deviation, "deviation");
        Objects.requireNonNull(note, "note");
    }

    static CellText of(Cell cell, ValueFormat format) {
        CellValue value = cell.value();
        String shown = "";
        if (value.n() > 0) {
            shown = value.aggregation() == Aggregation.ALL
                    ? value.values().stream().map(format::format).collect(Collectors.joining(", "))
                    : format.format(value.center().orElseThrow());
        }
        String deviation = value.deviation().isPresent() ? format.format(value.deviation().getAsDouble()) : "";
        return new CellText(shown, deviation, note(cell));
    }

    /** The whole cell on one line: {@code 91.20 ± 0.31 (n=3)} or {@code — (missing)}. */
    String plain() {
        if (value.isEmpty()) {
            return "— (" + note + ")";
        }
        return value + (deviation.isEmpty() ? "" : " ± " + deviation) + " (" + note + ")";
    }

    private static String note(Cell cell) {
        int older = cell.olderRuns().size();
        String counted = "n=" + cell.runs().size() + (cell.runs().size() == cell.seeds().size() ? ""
                : " of " + cell.seeds().size());
        switch (cell.status()) {
            case MISSING:
                return "missing";
            case STALE:
                return cell.runs().isEmpty()
                        ? "stale: " + older + (older == 1 ? " run" : " runs") + " of an older descriptor"
                        : counted + ", stale: " + older + " older " + (older == 1 ? "run" : "runs");
            default:
                return counted;
        }
    }
}
