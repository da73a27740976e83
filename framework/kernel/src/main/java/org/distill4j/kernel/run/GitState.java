package org.distill4j.kernel.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run's code came from, whether the working tree had uncommitted changes, and what they were.
 *
 * @param commit full commit hash, or "unknown" outside a git checkout
 * @param dirty  whether {@code git status --porcelain} listed changes (everything under results/ excluded)
 * @param patch  the uncommitted changes as a patch {@code git apply} takes on {@code commit}: {@code git diff HEAD}
 *               of tracked files and every untracked file that git does not ignore, results/ excluded; empty when
 *               clean
 */
public record GitState(String commit, boolean dirty, String patch) {

    /** Where the code's git state is read: the working directory, unless this property names another folder. */
    public static final String DIRECTORY_PROPERTY = "distill4j.git.directory";

    private static final String EXCLUDE_RESULTS = ":(exclude)results";

    /**
     * The code in a few words, for what must not outlive it (a training checkpoint): the commit, and the hash of the
     * uncommitted changes when there are any.
     */
    public String identity() {
        return "commit " + commit + (dirty ? " with uncommitted changes " + sha256(patch).substring(0, 12) : "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The state of the checkout the process runs in (or the folder {@link #DIRECTORY_PROPERTY} names). */
    public static GitState current() {
        return of(Path.of(System.getProperty(DIRECTORY_PROPERTY, "")).toAbsolutePath());
    }

    public static GitState of(Path directory) {
        String commit = run(directory, Set.of(0), "git", "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return new GitState("unknown", false, "");
        }
        String status = run(directory, Set.of(0), "git", "status", "--porcelain", "--", ".", EXCLUDE_RESULTS);
        boolean dirty = status != null && !status.isBlank();
        return new GitState(commit.strip(), dirty, dirty ? patch(directory) : "");
    }

    /** Tracked changes against HEAD, then each untracked file as an addition, all relative to the top level. */
    private static String patch(Path directory) {
        String top = run(directory, Set.of(0), "git", "rev-parse", "--show-toplevel");
        Path root = top == null ? directory : Path.of(top.strip());
        StringBuilder patch = new StringBuilder(orEmpty(run(root, Set.of(0), "git", "diff", "HEAD", "--binary", "--",
                ".", EXCLUDE_RESULTS)));
        String untracked = orEmpty(run(root, Set.of(0), "git", "ls-files", "--others", "--exclude-standard", "-z",
                "--", ".", EXCLUDE_RESULTS));
        for (String file : untracked.split("\0")) {
            if (!file.isEmpty()) {
                // git diff --no-index exits 1 when the files differ, which they always do here.
                patch.append(orEmpty(run(root, Set.of(0, 1), "git", "diff", "--no-index", "--binary", "--",
                        "/dev/null", file)));
            }
        }
        return patch.toString();
    }

    private static String orEmpty(String output) {
        return output == null ? "" : output;
    }

    private static String run(Path directory, Set<Integer> success, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(20, TimeUnit.SECONDS) || !success.contains(process.exitValue())) {
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
