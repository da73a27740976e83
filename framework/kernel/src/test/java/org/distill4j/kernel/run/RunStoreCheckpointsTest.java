package org.distill4j.kernel.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunStoreCheckpointsTest {

    @Test
    void theUnfinishedRunsOfOtherVersionsWithCheckpointsAreFoundAndCheckpointsGoOnceDone(@TempDir Path root)
            throws IOException {
        RunStore store = new RunStore(root);
        Path current = store.runDirectory("paper/kd", "aaaaaaaaaaaa", 1);
        Path edited = store.runDirectory("paper/kd", "bbbbbbbbbbbb", 1);
        Path finished = store.runDirectory("paper/kd", "cccccccccccc", 1);
        Path otherSeed = store.runDirectory("paper/kd", "dddddddddddd", 2);
        for (Path run : new Path[] {current, edited, finished, otherSeed}) {
            Files.createDirectories(run.resolve(RunStore.CHECKPOINTS));
            Files.writeString(run.resolve(RunStore.CHECKPOINTS).resolve("train.checkpoint"), "state");
        }
        RunStore.markDone(finished);

        assertThat(store.checkpointsOfOtherVersions("paper/kd", "aaaaaaaaaaaa", 1)).containsExactly(edited);

        RunStore.deleteCheckpoints(current);
        assertThat(current.resolve(RunStore.CHECKPOINTS)).doesNotExist();
        assertThat(current).exists();
    }

    @Test
    void aResumingRunKeepsItsEventLogWhileClearingTheRest(@TempDir Path root) throws IOException {
        Path run = new RunStore(root).runDirectory("paper/kd", "aaaaaaaaaaaa", 1);
        Files.createDirectories(run.resolve(RunStore.CHECKPOINTS));
        Files.writeString(run.resolve(RunStore.EVENTS), "{\"epoch\":1}\n");
        Files.writeString(run.resolve(RunStore.PROVENANCE), "{}");

        RunStore.clear(run);

        assertThat(run.resolve(RunStore.EVENTS)).exists();
        assertThat(run.resolve(RunStore.PROVENANCE)).doesNotExist();
    }
}
