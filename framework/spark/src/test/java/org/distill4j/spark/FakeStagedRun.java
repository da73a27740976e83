package org.distill4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Stands for a distill4j run of a staged task: reads its teacher's model and its own checkpoint from the results
 * folder it is given, like the run engine; the first start writes a checkpoint and crashes (status 137) leaving a
 * marker file, the next one finishes the run. Arguments: {@code <results> <run> <teacher run> <marker file>}.
 */
public final class FakeStagedRun {

    public static void main(String[] arguments) throws IOException {
        Path results = Path.of(arguments[0]);
        Path run = results.resolve(arguments[1]);
        Path model = results.resolve(arguments[2]).resolve("model.zip");
        Path marker = Path.of(arguments[3]);
        System.out.println("teacher model: " + (Files.exists(model) ? Files.readString(model) : "none"));
        Path checkpoint = run.resolve("checkpoints/train.checkpoint");
        if (Files.exists(checkpoint)) {
            System.out.println("resumed from " + Files.readString(checkpoint));
        }
        if (!Files.exists(marker)) {
            Files.createDirectories(checkpoint.getParent());
            Files.writeString(checkpoint, "epoch 1");
            Files.writeString(marker, "crashed once");
            System.out.println("crash after epoch 1");
            System.exit(137);
        }
        Files.writeString(run.resolve("metrics.json"), "{\"test-accuracy\":0.75}");
        Files.writeString(run.resolve("model.zip"), "student weights");
        try (Stream<Path> checkpoints = Files.walk(checkpoint.getParent())) {
            for (Path path : checkpoints.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Files.writeString(run.resolve("DONE"), "");
        System.exit(0);
    }

    private FakeStagedRun() {
    }
}
