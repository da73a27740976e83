package org.distill4j.kernel.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run's code came from and whether the working tree had uncommitted changes.
 *
 * @param commit full commit hash, or "unknown" outside a git checkout
 * @param dirty  whether {@code git status --porcelain} listed changes (untracked files under results/ excluded)
 */
public record GitState(String commit, boolean dirty) {

    public static GitState of(Path directory) {
        String commit = run(directory, "git", "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return new GitState("unknown", false);
        }
        String status = run(directory, "git", "status", "--porcelain", "--", ".", ":(exclude)results");
        return new GitState(commit.strip(), status != null && !status.isBlank());
    }

    private static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
