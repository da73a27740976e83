package org.distill4j.cli.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessJobLauncherTest {

    @Test
    void aJobAppendsToItsLogInsteadOfTruncatingWhatAnEarlierJobWrote(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("seed-1.log");
        Files.writeString(log, "output of the job an earlier sweep started\n");
        // The job runs distill4j on a descriptor that does not exist, so it ends at once.
        JavaCommand java = new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                System.getProperty("java.class.path"));
        SweepJob job = new SweepJob(Variant.of(directory.resolve("missing.yaml")),
                new RunKey("sweep/test", "0123456789ab", 1), List.of(), List.of());

        int exit = new ProcessJobLauncher(java, new JobCommandLine(Optional.empty(), directory.resolve("results")))
                .start(job, log).get(60, TimeUnit.SECONDS);

        assertThat(exit).as("distill4j refuses the missing descriptor").isNotZero();
        assertThat(Files.readString(log)).startsWith("output of the job an earlier sweep started\n# ")
                .contains("distill4j run ");
    }
}
