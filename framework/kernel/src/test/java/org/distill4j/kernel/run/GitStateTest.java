package org.distill4j.kernel.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class GitStateTest {

    @Test
    void theUncommittedChangesAreAPatchThatReproducesTheWorkingTreeOnItsCommit(@TempDir Path directory)
            throws Exception {
        Path repository = directory.resolve("repository");
        Files.createDirectories(repository.resolve("results"));
        git(repository, "init", "-q");
        Files.writeString(repository.resolve("Code.java"), "class Code {}\n");
        git(repository, "add", "Code.java");
        git(repository, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
        Files.writeString(repository.resolve("Code.java"), "class Code { int changed; }\n");
        Files.writeString(repository.resolve("New.java"), "class New {}\n");
        Files.writeString(repository.resolve("results/run.json"), "{}\n");

        GitState state = GitState.of(repository);

        assertThat(state.dirty()).isTrue();
        assertThat(state.commit()).matches("[0-9a-f]{40}");
        assertThat(state.patch()).contains("Code.java", "New.java").doesNotContain("results/run.json");
        Path clone = directory.resolve("clone");
        git(directory, "clone", "-q", repository.toString(), clone.toString());
        Files.writeString(directory.resolve("uncommitted.patch"), state.patch());
        git(clone, "apply", directory.resolve("uncommitted.patch").toString());
        assertThat(Files.readString(clone.resolve("Code.java"))).isEqualTo("class Code { int changed; }\n");
        assertThat(Files.readString(clone.resolve("New.java"))).isEqualTo("class New {}\n");
    }

    @Test
    void aCleanTreeHasNoPatchAndAFolderOutsideAnyCheckoutIsUnknown(@TempDir Path directory) throws Exception {
        git(directory, "init", "-q");
        Files.writeString(directory.resolve("a.txt"), "a\n");
        git(directory, "add", "a.txt");
        git(directory, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
        Files.createDirectories(directory.resolve("results"));
        Files.writeString(directory.resolve("results/untracked.json"), "{}\n");

        assertThat(GitState.of(directory).dirty()).isFalse();
        assertThat(GitState.of(directory).patch()).isEmpty();
        GitState outside = GitState.of(Files.createTempDirectory("no-checkout"));
        assertThat(outside).isEqualTo(new GitState("unknown", false, ""));
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
