package org.distill4j.datasets.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DeterministicGzipTest {

    @Test
    void writesNoTimestampAndRoundTrips() throws IOException {
        byte[] content = "the same bytes every time".repeat(100).getBytes(StandardCharsets.UTF_8);

        byte[] compressed = DeterministicGzip.compress(content);

        assertThat(DeterministicGzip.compress(content)).isEqualTo(compressed);
        assertThat(compressed[0] & 0xff).isEqualTo(0x1f);
        assertThat(compressed[1] & 0xff).isEqualTo(0x8b);
        assertThat(new byte[] {compressed[3], compressed[4], compressed[5], compressed[6], compressed[7]})
                .as("no flags, modification time 0").containsOnly(0);
        try (GZIPInputStream input = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(input.readAllBytes()).isEqualTo(content);
        }
    }
}
