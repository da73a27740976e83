package org.distill4j.cli;

import org.distill4j.kernel.run.Json;
import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code distill4j rerun} on a finished tiny KD run: reproduced, tampered with, its descriptor edited or gone. */
class RerunCommandTest {

    @TempDir
    static Path recorded;
    private static Path experiments;
    private static Path results;
    private static Path student;

    @TempDir
    Path directory;

    @BeforeAll
    static void runAStudentAndItsTeacher() throws IOException {
        experiments = recorded.resolve("experiments");
        results = recorded.resolve("results");
        student = runStudent(experiments, results);
    }

    @Test
    void reproducesAFinishedRunFromItsRecordsIntoAFreshFolderWithTheRecordedTeacher() throws IOException {
        FileTime done = Files.getLastModifiedTime(student.resolve(RunStore.DONE));
        Path fresh = directory.resolve("rerun");

        CommandOutput rerun = CommandOutput.run("rerun", student.toString(), "--results", fresh.toString());

        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.text()).contains("using the recorded teacher run test/teacher seed 1 (copied from "
                        + teacherOf(results), "rerunning test/kd seed 1 (hash " + student.getParent().getFileName(),
                "reproduced: metrics.json identical").doesNotContain("== test/teacher", "note:");
        Path rerunDirectory = fresh.resolve(results.relativize(student));
        assertThat(rerunDirectory.resolve(RunStore.DONE)).exists();
        assertThat(rerunDirectory.resolve(RunStore.METRICS)).hasSameTextualContentAs(student.resolve(RunStore.METRICS));
        assertThat(Files.getLastModifiedTime(student.resolve(RunStore.DONE))).isEqualTo(done);
    }

    @Test
    void aRecordedMetricThatTheRerunDoesNotReproduceIsNamedWithBothValues() throws IOException {
        Path copy = copyTree(results, directory.resolve("tampered"));
        Path tampered = copy.resolve(results.relativize(student));
        String metrics = Files.readString(tampered.resolve(RunStore.METRICS));
        String accuracy = Json.read(tampered.resolve(RunStore.METRICS)).path("test-accuracy").asText();
        Files.writeString(tampered.resolve(RunStore.METRICS),
                metrics.replace("\"test-accuracy\" : " + accuracy, "\"test-accuracy\" : 0.123"));
        assertThat(Files.readString(tampered.resolve(RunStore.METRICS))).contains("0.123");

        CommandOutput rerun = CommandOutput.run("rerun", tampered.toString(), "--results",
                directory.resolve("rerun").toString());

        assertThat(rerun.exitCode()).as(rerun.all()).isEqualTo(1);
        assertThat(rerun.text()).contains("NOT reproduced: 1 value of metrics.json differ (recorded -> rerun, ",
                "  test-accuracy: 0.123 -> " + accuracy);
    }

    @Test
    void aRunIsRerunFromItsRecordsWhenItsDescriptorsWereEditedOrDeleted() throws IOException {
        Path ownExperiments = directory.resolve("experiments");
        Path ownResults = directory.resolve("results");
        Path run = runStudent(ownExperiments, ownResults);
        TinyDescriptors.write(ownExperiments, "kd.yaml", TinyDescriptors.KD.replace("temperature: 4", "temperature: 2"));
        Files.delete(ownExperiments.resolve("teacher.yaml"));

        CommandOutput afterEdit = CommandOutput.run("rerun", run.toString(), "--results",
                directory.resolve("after-edit").toString());
        Files.delete(ownExperiments.resolve("kd.yaml"));
        CommandOutput afterDelete = CommandOutput.run("rerun", run.toString(), "--results",
                directory.resolve("after-delete").toString());

        assertThat(afterEdit.exitCode()).as(afterEdit.all()).isZero();
        assertThat(afterEdit.text()).contains("reproduced: metrics.json identical");
        assertThat(afterDelete.exitCode()).as(afterDelete.all()).isZero();
        assertThat(afterDelete.text()).contains("reproduced: metrics.json identical");
    }

    @Test
    void aTeacherRecordedWithoutItsModelIsRebuiltForTheRerun() throws IOException {
        // Run records are committed to git and model files are not: a rerun from a clone has no teacher model.
        Path copy = copyTree(results, directory.resolve("records-only"));
        Files.delete(copy.resolve(results.relativize(teacherOf(results))).resolve(RunStore.MODEL));

        CommandOutput rerun = CommandOutput.run("rerun", copy.resolve(results.relativize(student)).toString(),
                "--results", directory.resolve("rerun").toString());

        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.text()).contains("rebuilding the model of test/teacher seed 1 (its records are kept)",
                "reproduced: metrics.json identical").doesNotContain("WARNING");
    }

    @Test
    void aStudentWhoseTeacherRunIsNotInItsResultsFolderSaysWhatToCopy() throws IOException {
        Path studentOnly = copyTree(results.resolve("test/kd"), directory.resolve("student-only/test/kd"));

        CommandOutput rerun = CommandOutput.run("rerun", studentOnly.resolve(results.resolve("test/kd").relativize(student))
                .toString(), "--results", directory.resolve("rerun").toString());

        assertThat(rerun.exitCode()).as(rerun.all()).isEqualTo(1);
        assertThat(rerun.errors()).contains("no recorded run of teacher test/teacher with hash ",
                "copy the teacher's run records into this results folder");
    }

    @Test
    void aRunThatIsNotFinishedOrNotARunIsAnErrorThatSaysWhy() throws IOException {
        Path copy = copyTree(results, directory.resolve("unfinished"));
        Path unfinished = copy.resolve(results.relativize(student));
        Files.delete(unfinished.resolve(RunStore.DONE));

        CommandOutput notDone = CommandOutput.run("rerun", unfinished.toString(), "--results",
                directory.resolve("rerun").toString());
        CommandOutput notARun = CommandOutput.run("rerun", experiments.toString());
        CommandOutput ownFolder = CommandOutput.run("rerun", student.toString(), "--results", results.toString());

        assertThat(notDone.exitCode()).as(notDone.all()).isEqualTo(1);
        assertThat(notDone.errors()).contains(unfinished + " is not a finished run (no DONE or no metrics.json)");
        assertThat(directory.resolve("rerun")).doesNotExist();
        assertThat(notARun.exitCode()).as(notARun.all()).isEqualTo(1);
        assertThat(notARun.errors()).contains(experiments + " has no resolved.json");
        assertThat(ownFolder.exitCode()).as(ownFolder.all()).isEqualTo(1);
        assertThat(ownFolder.errors()).contains("is the recorded run's own results folder");
    }

    /** Runs kd.yaml (and so its teacher) with seed 1 and returns the student's run directory. */
    private static Path runStudent(Path experiments, Path results) throws IOException {
        TinyDescriptors.write(experiments);
        CommandOutput run = CommandOutput.run("run", experiments.resolve("kd.yaml").toString(), "--results",
                results.toString(), "--seeds", "1");
        assertThat(run.exitCode()).as(run.all()).isZero();
        return onlyHashFolder(results.resolve("test/kd")).resolve("seed-1");
    }

    private static Path teacherOf(Path results) throws IOException {
        return onlyHashFolder(results.resolve("test/teacher")).resolve("seed-1");
    }

    private static Path onlyHashFolder(Path experiment) throws IOException {
        try (Stream<Path> entries = Files.list(experiment)) {
            List<Path> folders = entries.filter(Files::isDirectory).toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    private static Path copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (Stream<Path> entries = Files.walk(source)) {
            entries.forEach(entry -> {
                try {
                    Files.copy(entry, target.resolve(source.relativize(entry)), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }
}
