package org.distill4j.cli.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkSettingsTest {

    @Test
    void submitsTheTaskResourcesWithoutSpeculationAndTheUsersSettings() {
        SparkSettings settings = new SparkSettings("spark://h:7077", 2, 1, Map.of("spark.executor.memory", "4g"),
                Optional.of("hdfs://namenode:8020/results"));

        assertThat(settings.submittedConf()).containsExactly(Map.entry("spark.task.cpus", "2"),
                Map.entry("spark.task.resource.gpu.amount", "1.0"), Map.entry("spark.speculation", "false"),
                Map.entry("spark.distill4j.shared-results", "hdfs://namenode:8020/results"),
                Map.entry("spark.executor.memory", "4g"));
        assertThat(settings.isLocal()).isFalse();
        assertThat(settings("local[2,3]", 1, Map.of()).isLocal()).isTrue();
        assertThat(settings("local", 1, Map.of()).submittedConf()).doesNotContainKeys(
                "spark.task.resource.gpu.amount", "spark.distill4j.shared-results");
    }

    @Test
    void refusesWhatTheSweepSetsItselfAndSpeculation() {
        assertThatThrownBy(() -> settings("local[2]", 1, Map.of("spark.task.cpus", "4")))
                .hasMessage("--spark-conf spark.task.cpus is set by the sweep; use --task-cpus");
        assertThatThrownBy(() -> settings("local[2]", 1, Map.of("spark.submit.deployMode", "cluster")))
                .hasMessageContaining("client mode");
        assertThatThrownBy(() -> settings("local[2]", 1, Map.of("spark.speculation", "TRUE")))
                .hasMessageContaining("spark.speculation=true is not supported");
        assertThatThrownBy(() -> settings("local[2]", 0, Map.of()))
                .hasMessage("--task-cpus must be at least 1, got 0");
        assertThatThrownBy(() -> settings(" ", 1, Map.of())).hasMessageContaining("--master is empty");
    }

    @Test
    void aSharedStoreIsAHadoopUri() {
        assertThatThrownBy(() -> new SparkSettings("local[2]", 1, 0, Map.of(), Optional.of("/mnt/results")))
                .hasMessageContaining("--shared-results takes a Hadoop URI (hdfs://namenode:8020/path,")
                .hasMessageContaining("got '/mnt/results'; a folder every executor mounts is given as --results");
        assertThat(new SparkSettings("local[2]", 1, 0, Map.of(), Optional.of("s3a://bucket/runs")).sharedResults())
                .contains("s3a://bucket/runs");
    }

    @Test
    void parsesKeyValueSettings() {
        assertThat(SparkSettings.parseConf(List.of("spark.executor.memory=4g", "spark.x=a=b")))
                .containsExactly(Map.entry("spark.executor.memory", "4g"), Map.entry("spark.x", "a=b"));
        assertThatThrownBy(() -> SparkSettings.parseConf(List.of("spark.executor.memory")))
                .hasMessageContaining("key=value, e.g. spark.executor.memory=4g; got 'spark.executor.memory'");
    }

    private static SparkSettings settings(String master, int taskCpus, Map<String, String> conf) {
        return new SparkSettings(master, taskCpus, 0, conf, Optional.empty());
    }
}
