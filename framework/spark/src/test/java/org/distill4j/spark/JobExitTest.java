package org.distill4j.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobExitTest {

    @Test
    void doneFailedAndInvalidAreFinal() {
        assertThat(JobExit.of(0).outcome("r", "e")).isZero();
        assertThat(JobExit.of(1).outcome("r", "e")).isEqualTo(1);
        assertThat(JobExit.of(2).outcome("r", "e")).isEqualTo(2);
    }

    @Test
    void aCrashIsRetried() {
        assertThatThrownBy(() -> JobExit.of(137).outcome("spark/kd seed 1", "3 (host)"))
                .isInstanceOf(JobExit.JobCrashed.class)
                .hasMessageContaining("spark/kd seed 1: its JVM ended with exit status 137 (SIGKILL")
                .hasMessageContaining("on executor 3 (host)").hasMessageContaining("resumes from the run's last");
        assertThatThrownBy(() -> JobExit.of(143).outcome("r", "e")).hasMessageContaining("(signal 15)");
        assertThatThrownBy(() -> JobExit.of(134).outcome("r", "e")).hasMessageContaining("SIGABRT");
        assertThatThrownBy(() -> JobExit.of(3).outcome("r", "e")).isInstanceOf(JobExit.JobCrashed.class);
    }
}
