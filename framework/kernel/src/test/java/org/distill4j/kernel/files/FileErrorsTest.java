package org.distill4j.kernel.files;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import static org.assertj.core.api.Assertions.assertThat;

class FileErrorsTest {

    @Test
    void theExceptionsThatCarryOnlyAPathSayWhatHappened() {
        assertThat(FileErrors.describe(new AccessDeniedException("/results/run")))
                .isEqualTo("permission denied: /results/run");
        assertThat(FileErrors.describe(new NoSuchFileException("/data/train.idx")))
                .isEqualTo("no such file or directory: /data/train.idx");
        assertThat(FileErrors.describe(new NotDirectoryException("/results")))
                .isEqualTo("not a directory: /results");
    }

    @Test
    void aReasonTheSystemGaveIsKeptAsItIs() {
        assertThat(FileErrors.describe(new FileSystemException("/results", null, "No space left on device")))
                .isEqualTo("/results: No space left on device");
        assertThat(FileErrors.describe(new IOException("stream closed"))).isEqualTo("stream closed");
        assertThat(FileErrors.describe(new IOException())).isEqualTo("IOException");
    }
}
