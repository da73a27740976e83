package org.distill4j.cli.sweep;

import org.distill4j.kernel.files.FileErrors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a job's log, shown when the job fails so the cause is on screen without opening the file. */
public final class LogTail {

    public static List<String> of(Path log, int lines) {
        try {
            // Malformed bytes (a native crash dump) must not hide the tail, so decode leniently.
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read the log " + log + ": " + FileErrors.describe(e) + ")");
        }
    }

    private LogTail() {
    }
}
