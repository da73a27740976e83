package org.distill4j.cli.spark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolLineTest {

    /** The same vector is in the driver's copy of the format (org.distill4j.spark.ProtocolLineTest). */
    static final List<String> FIELDS = List.of("run", "a\tb", "c\\d", "e\nf\r", "", "plain");
    static final String LINE = "run\ta\\tb\tc\\\\d\te\\nf\\r\t\tplain";

    @Test
    void encodesEscapes() {
        assertThat(ProtocolLine.encode(FIELDS)).isEqualTo(LINE).doesNotContain("\n");
    }

    @Test
    void decodesWhatItEncodes() {
        assertThat(ProtocolLine.decode(LINE)).isEqualTo(FIELDS);
        assertThat(ProtocolLine.decode("")).containsExactly("");
    }
}
