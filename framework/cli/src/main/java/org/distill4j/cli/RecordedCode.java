package org.distill4j.cli;

import org.distill4j.kernel.files.FileErrors;
import org.distill4j.kernel.run.RunStore;
import org.distill4j.report.ShellWords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The code a run was made from: its commit and, for a run made from a dirty tree, the patch of uncommitted changes
 * kept in its directory. {@link #checkOut} makes a git worktree of exactly that code, in which the run can be rerun.
 *
 * @param commit the recorded commit
 * @param patch  the run's {@code uncommitted.patch}, when it has one
 */
record RecordedCode(String commit, Optional<Path> patch) {

    /** The recorded code of a run directory, from its provenance and its patch file. */
    static RecordedCode of(Path runDirectory, String commit) {
        Path patch = runDirectory.resolve(RunStore.UNCOMMITTED_PATCH);
        return new RecordedCode(commit, Files.isRegularFile(patch) ? Optional.of(patch.toAbsolutePath())
                : Optional.empty());
    }

    /** The shell commands that make a worktree of this code in {@code directory}, for the user to run by hand. */
    String commands(Path repository, Path directory) {
        String add = "git -C " + ShellWords.quote(repository.toString()) + " worktree add --detach "
                + ShellWords.quote(directory.toString()) + " " + commit;
        return patch.map(file -> add + " && git -C " + ShellWords.quote(directory.toString()) + " apply "
                + ShellWords.quote(file.toString())).orElse(add);
    }

    /**
     * Adds a detached git worktree of the recorded commit at {@code directory} (which must not exist) and applies
     * the patch there.
     *
     * @throws IllegalStateException with git's own message when a step fails
     */
    void checkOut(Path repository, Path directory) {
        if (Files.exists(directory)) {
            throw new IllegalArgumentException(directory + " exists; give a new folder for the recorded code");
        }
        git(repository, "worktree", "add", "--detach", directory.toString(), commit);
        patch.ifPresent(file -> git(directory, "apply", file.toString()));
    }

    private static void git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + ": "
                        + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + FileErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
