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
                "/r/spark/kd/6f09844d789e/seed-1.log", "/work", environment,
                List.of("-Xmx1g", "-cp", "/d/distill4j.jar", "org.distill4j.cli.Main", "run", "/e/kd yaml.yaml"));

        assertThat(SweepTaskRequest.fromLine(request.toLine())).isEqualTo(request);
    }

    @Test
    void sayWhatIsMalformed() {
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("stop\tx")).hasMessageContaining("not a run request");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\tmany\tjava"))
                .hasMessageContaining("sixth field counts its variables, got 'many'");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\t1\tA=1"))
                .hasMessageContaining("1 variables and no command");
        assertThatThrownBy(() -> SweepTaskRequest.fromLine("run\ti\tl\tlog\tdir\t1\tnoequals\t-version"))
                .hasMessageContaining("NAME=VALUE, got 'noequals'");
    }
}
