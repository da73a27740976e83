package org.distill4j.cli.sweep;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SweepParentTest {

    @Test
    void aJobStopsWhenItsSweepIsKilledEvenBySigkill() throws Exception {
        // A process standing in for the sweep, and a job JVM that watches it.
        Process sweep = new ProcessBuilder("sleep", "120").start();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process job = new ProcessBuilder(List.of(java.toString(), "-D" + SweepParent.PROPERTY + "=" + sweep.pid(),
                "-cp", System.getProperty("java.class.path"), SweepParentProbe.class.getName()))
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(job.getInputStream().readNBytes("watching".length()))).isEqualTo("watching");

            sweep.destroyForcibly();

            assertThat(job.waitFor(30, TimeUnit.SECONDS)).as("the job stopped").isTrue();
            assertThat(job.exitValue()).isEqualTo(SweepParent.STOPPED);
            assertThat(new String(job.getInputStream().readAllBytes())).contains("the process that started this job"
                    + " (process " + sweep.pid() + ", its sweep or its Spark executor) has ended");
        } finally {
            job.destroyForcibly();
            sweep.destroyForcibly();
        }
    }
}
