package org.distill4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands for a distill4j run in the tests: prints what a task set up for it, then exits with the given status; with a
 * marker file, the first start crashes (SIGKILL's status, 137) and leaves the marker, and the next one succeeds.
 * Arguments: {@code <status> [<marker file>]}.
 */
public final class FakeRun {

    public static void main(String[] arguments) throws IOException {
        System.out.println("threads " + System.getenv(SweepTask.THREADS_VARIABLE));
        System.out.println("parent " + System.getProperty(SweepTask.PARENT_PROPERTY));
        System.out.println("spin " + System.getenv("GOMP_SPINCOUNT"));
        System.out.println("directory " + Path.of("").toAbsolutePath());
        if (arguments.length > 1) {
            Path marker = Path.of(arguments[1]);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "crashed once");
                System.out.println("crash");
                System.exit(137);
            }
        }
        System.exit(Integer.parseInt(arguments[0]));
    }

    private FakeRun() {
    }
}
