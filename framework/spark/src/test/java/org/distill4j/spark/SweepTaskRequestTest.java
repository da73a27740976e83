package org.distill4j.spark;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTaskRequestTest {

    @Test
    void readsTheLineItWrites() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GOMP_SPINCOUNT", "20000");
        environment.put("ODD", "a=b\tc");
        SweepTaskRequest request = new SweepTaskRequest("spark/kd/6f09844d789e/seed-1", "spark/kd seed 1",
                "/r/spark/kd/6f09844d789e/seed-1.log", "/work", "/r", "spark/kd/6f09844d789e/seed-1",
                List.of("spark/teacher/20864922571a/seed-1"), environment,
                List.of("-Xmx1g", "-cp", "/d/distill4j.jar", "org.distill4j.cli.Main", "run", "/e/kd yaml.yaml"), "",
                Map.of());

        assertThat(SweepTaskRequest.fromLine(request.toLine())).isEqualTo(request);
        SweepTaskRequest noChain = new SweepTaskRequest("i", "l", "/r/i.log", "/w", "/r", "i", List.of(), Map.of(),
                List.of("-version"), "", Map.of());
        assertThat(SweepTaskRequest.fromLine(noChain.toLine())).isEqualTo(noChain);
    }

    @Test
    void theSharedStoreComesFromTheDriverNotTheLine() {
        SweepTaskRequest request = new SweepTaskRequest("i", "l", "/r/i.log", "/w", "/r", "i", List.of(), Map.of(),
                List.of("-version"), "", Map.of());

        SweepTaskRequest onStore = request.onStore("hdfs://nn/r", Map.of("fs.defaultFS", "hdfs://nn"));

        assertThat(onStore.sharedResults()).isEqualTo("hdfs://nn/r");
        assertThat(onStore.hadoop()).containsEntry("fs.defaultFS", "hdfs://nn");
        assertThat(onStore.toLine()).isEqualTo(request.toLine());
    }

    @Test
    void sayWhatIsMalformed() {
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("stop\tx")).hasMessageContaining("not a run request");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\tr\ti\tmany\tjava"))
                .hasMessageContaining("field 8 counts its chain folders, got 'many'");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\tr\ti\t0\t1\tA=1"))
                .hasMessageContaining("a run request without a command");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\tr\ti\t3\tt"))
                .hasMessageContaining("counts 3 chain folders but holds fewer");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\tr\ti\t0\t1\tnoequals\t-version"))
                .hasMessageContaining("NAME=VALUE, got 'noequals'");
    }
}
