package org.distill4j.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedResultsTest {

    private static final String RUN = "spark/kd/6f09844d789e/seed-1";
    private static final String TEACHER = "spark/teacher/20864922571a/seed-1";

    @TempDir
    Path directory;

    @Test
    void publishesEveryFileThenDoneAndDropsTheSharedCheckpoints() throws IOException {
        Path stage = finishedRun(directory.resolve("stage"), RUN);
        SharedResults shared = new SharedResults(directory.resolve("shared").toUri().toString(), Map.of());
        Files.createDirectories(directory.resolve("shared").resolve(RUN).resolve("checkpoints"));

        shared.publish(RUN, stage);

        Path published = directory.resolve("shared").resolve(RUN);
        assertThat(published.resolve("metrics.json")).hasContent("{\"test-accuracy\":0.5}");
        assertThat(published.resolve("model.zip")).hasContent("weights");
        assertThat(published.resolve("checkpoints")).doesNotExist();
        assertThat(shared.isDone(RUN)).isTrue();
        assertThat(shared.doneRuns()).containsExactly(RUN);
    }

    @Test
    void aRunWhoseFilesCannotAllBePublishedGetsNoDone() throws IOException {
        Path stage = finishedRun(directory.resolve("stage"), RUN);
        SharedResults shared = new SharedResults(directory.resolve("shared").toUri().toString(), Map.of());
        // A folder, not empty, where the model should go: the store refuses to replace it.
        Files.createDirectories(directory.resolve("shared").resolve(RUN).resolve("model.zip/in-the-way"));

        assertThatThrownBy(() -> shared.publish(RUN, stage)).isInstanceOf(IOException.class);

        assertThat(shared.isDone(RUN)).isFalse();
        assertThat(shared.doneRuns()).isEmpty();
    }

    @Test
    void fetchesRecordsWithOrWithoutTheModelAndCheckpointsApart() throws IOException {
        SharedResults shared = new SharedResults(directory.resolve("shared").toUri().toString(), Map.of());
        shared.publish(TEACHER, finishedRun(directory.resolve("stage"), TEACHER));
        Path checkpoint = Files.createDirectories(directory.resolve("stage/" + RUN + "/checkpoints"))
                .resolve("train.checkpoint");
        shared.put(Files.writeString(checkpoint, "epoch 3"), RUN + "/checkpoints/train.checkpoint");

        shared.fetch(TEACHER, directory.resolve("records"), false, false);
        shared.fetch(TEACHER, directory.resolve("teacher"), true, false);
        shared.fetch(RUN, directory.resolve("resume"), false, true);

        assertThat(directory.resolve("records").resolve(TEACHER).resolve("metrics.json")).exists();
        assertThat(directory.resolve("records").resolve(TEACHER).resolve("DONE")).exists();
        assertThat(directory.resolve("records").resolve(TEACHER).resolve("model.zip")).doesNotExist();
        assertThat(directory.resolve("teacher").resolve(TEACHER).resolve("model.zip")).hasContent("weights");
        assertThat(directory.resolve("resume").resolve(RUN).resolve("checkpoints/train.checkpoint"))
                .hasContent("epoch 3");
        assertThat(shared.isDone(RUN)).isFalse();
    }

    @Test
    void appendsToAFileOfTheStoreAndReadsItFromAnOffset() throws IOException {
        SharedResults shared = new SharedResults(directory.resolve("shared").toUri().toString(), Map.of());
        Path attempt = Files.createDirectories(directory.resolve("stage")).resolve("attempt.log");

        shared.append(Files.writeString(attempt, "attempt 1\n"), RUN + ".log");
        long offset = shared.length(RUN + ".log");
        shared.append(Files.writeString(attempt, "attempt 2\n"), RUN + ".log");
        Path mirror = Files.writeString(directory.resolve("mirror.log"), "# header\n");
        shared.appendTo(RUN + ".log", offset, mirror);

        assertThat(directory.resolve("shared").resolve(RUN + ".log")).hasContent("attempt 1\nattempt 2");
        assertThat(mirror).hasContent("# header\nattempt 2");
    }

    static Path finishedRun(Path store, String run) throws IOException {
        Path folder = Files.createDirectories(store.resolve(run));
        Files.writeString(folder.resolve("metrics.json"), "{\"test-accuracy\":0.5}");
        Files.writeString(folder.resolve("model.zip"), "weights");
        Files.writeString(folder.resolve("DONE"), "");
        return store;
    }
}
