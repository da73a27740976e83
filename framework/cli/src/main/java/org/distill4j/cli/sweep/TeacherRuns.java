package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.run.RunStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the recorded runs of a run's teacher chain from one result store to another, records and model, so that a
 * rerun in a fresh store uses the very teacher the recorded run used instead of training it again. A copied run
 * without its model file gets it rebuilt by the run engine.
 */
public final class TeacherRuns {

    /**
     * @return the teacher runs copied, as directories of the target store; a teacher run the source store does not
     *         have as DONE is not copied (the run engine trains it)
     */
    public static List<RunKey> copy(ResolvedExperiment experiment, long seed, RunStore from, RunStore to) {
        List<RunKey> copied = new ArrayList<>();
        for (RunKey teacher : TeacherChain.of(experiment, seed)) {
            Path source = teacher.directory(from);
            Path target = teacher.directory(to);
            if (RunStore.isDone(source) && !RunStore.isDone(target)) {
                copyFiles(source, target);
                copied.add(teacher);
            }
        }
        return List.copyOf(copied);
    }

    // A run directory holds only files once it is DONE (a leftover model rebuild folder is not part of the run);
    // DONE is copied last so that the copy is never finished before its records are.
    private static void copyFiles(Path source, Path target) {
        try (Stream<Path> entries = Files.list(source)) {
            Files.createDirectories(target);
            List<Path> files = entries.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(RunStore.DONE)).toList();
            for (Path file : files) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(source.resolve(RunStore.DONE), target.resolve(RunStore.DONE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the teacher run " + source + " to " + target + ": "
                    + FileErrors.describe(e), e);
        }
    }

    private TeacherRuns() {
    }
}
