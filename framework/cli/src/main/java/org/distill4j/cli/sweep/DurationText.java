package org.distill4j.cli.sweep;

import java.time.Duration;
import java.util.Locale;

/** Durations as progress lines show them: {@code 12s}, {@code 4m12s}, {@code 1h03m}. */
public final class DurationText {

    public static String of(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }

    private DurationText() {
    }
}
