package org.distill4j.cli.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkSettingsTest {

    @Test
    void submitsTheTaskResourcesWithoutSpeculationAndTheUsersSettings() {
        SparkSettings settings = new SparkSettings("spark://h:7077", 2, 1, Map.of("spark.executor.memory", "4g"));

        assertThat(settings.submittedConf()).containsExactly(Map.entry("spark.task.cpus", "2"),
                Map.entry("spark.task.resource.gpu.amount", "1.0"), Map.entry("spark.speculation", "false"),
                Map.entry("spark.executor.memory", "4g"));
        assertThat(settings.isLocal()).isFalse();
        assertThat(new SparkSettings("local[2,3]", 1, 0, Map.of()).isLocal()).isTrue();
        assertThat(new SparkSettings("local", 1, 0, Map.of()).submittedConf()).doesNotContainKey(
                "spark.task.resource.gpu.amount");
    }

    @Test
    void refusesWhatTheSweepSetsItselfAndSpeculation() {
        assertThatThrownBy(() -> new SparkSettings("local[2]", 1, 0, Map.of("spark.task.cpus", "4")))
                .hasMessage("--spark-conf spark.task.cpus is set by the sweep; use --task-cpus");
        assertThatThrownBy(() -> new SparkSettings("local[2]", 1, 0, Map.of("spark.submit.deployMode", "cluster")))
                .hasMessageContaining("client mode");
        assertThatThrownBy(() -> new SparkSettings("local[2]", 1, 0, Map.of("spark.speculation", "TRUE")))
                .hasMessageContaining("spark.speculation=true is not supported");
        assertThatThrownBy(() -> new SparkSettings("local[2]", 0, 0, Map.of()))
                .hasMessage("--task-cpus must be at least 1, got 0");
        assertThatThrownBy(() -> new SparkSettings(" ", 1, 0, Map.of())).hasMessageContaining("--master is empty");
    }

    @Test
    void parsesKeyValueSettings() {
        assertThat(SparkSettings.parseConf(List.of("spark.executor.memory=4g", "spark.x=a=b")))
                .containsExactly(Map.entry("spark.executor.memory", "4g"), Map.entry("spark.x", "a=b"));
        assertThatThrownBy(() -> SparkSettings.parseConf(List.of("spark.executor.memory")))
                .hasMessageContaining("key=value, e.g. spark.executor.memory=4g; got 'spark.executor.memory'");
    }
}
