package org.distill4j.cli.sweep;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobMemoryTest {

    private static final long GIGABYTE = 1L << 30;

    @Test
    void parallelJobsShareEightyFivePercentOfTheMachine() {
        long machine = 24 * GIGABYTE;

        JobMemory five = JobMemory.forJobs(5, machine);
        JobMemory one = JobMemory.forJobs(1, machine);

        assertThat(5 * five.physicalBytes()).isLessThanOrEqualTo((long) (0.85 * machine));
        assertThat(five.heapBytes() + five.nativeBytes()).isEqualTo(five.physicalBytes());
        assertThat(five.heapBytes()).isEqualTo(five.physicalBytes() / 4);
        assertThat(one.heapBytes()).as("at most the launcher's 2 GB heap").isEqualTo(2 * GIGABYTE);
        assertThat(one.jvmArguments()).containsExactly("-Xmx2048m",
                "-Dorg.bytedeco.javacpp.maxbytes=" + one.nativeBytes(),
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + one.physicalBytes());
    }

    @Test
    void theLimitsReplaceTheLaunchersOwnAndKeepEveryOtherArgument() {
        JavaCommand launched = new JavaCommand(Path.of("java"), List.of("-Xmx2g",
                "-Dorg.bytedeco.javacpp.maxbytes=8g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=12g",
                "-Dorg.eclipse.deeplearning4j.helpers.disable=false"), "classes");

        JavaCommand job = launched.with(JobMemory.forJobs(4, 16 * GIGABYTE).jvmArguments());

        assertThat(job.jvmArguments()).hasSize(4).contains("-Dorg.eclipse.deeplearning4j.helpers.disable=false")
                .noneMatch(argument -> argument.equals("-Xmx2g") || argument.endsWith("=8g")
                        || argument.endsWith("=12g"));
    }
}
