package org.distill4j.cli;

import org.distill4j.kernel.run.GitState;
import org.distill4j.kernel.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedCodeTest {

    @Test
    void theRecordedCommitWithTheRunsPatchIsCheckedOutAsTheCodeWas(@TempDir Path directory) throws Exception {
        Path repository = directory.resolve("repository");
        Files.createDirectories(repository);
        git(repository, "init", "-q");
        Files.writeString(repository.resolve("Code.java"), "class Code {}\n");
        git(repository, "add", "Code.java");
        git(repository, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
        Files.writeString(repository.resolve("Code.java"), "class Code { int changed; }\n");
        Files.writeString(repository.resolve("New.java"), "class New {}\n");
        GitState state = GitState.of(repository);
        Path run = Files.createDirectories(directory.resolve("results/test/abc/seed-1"));
        Files.writeString(run.resolve(RunStore.UNCOMMITTED_PATCH), state.patch());
        // The working tree moves on after the run: the worktree must hold the run's code, not today's.
        Files.writeString(repository.resolve("Code.java"), "class Code { int later; }\n");

        RecordedCode code = RecordedCode.of(run, state.commit());
        Path worktree = directory.resolve("recorded");
        code.checkOut(repository, worktree);

        assertThat(Files.readString(worktree.resolve("Code.java"))).isEqualTo("class Code { int changed; }\n");
        assertThat(Files.readString(worktree.resolve("New.java"))).isEqualTo("class New {}\n");
        assertThat(code.commands(repository, Path.of("FOLDER"))).contains("worktree add --detach FOLDER "
                + state.commit(), "&& git -C FOLDER apply ", RunStore.UNCOMMITTED_PATCH);
        assertThatThrownBy(() -> code.checkOut(repository, worktree)).hasMessageContaining("exists; give a new folder");
    }

    private static void git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
