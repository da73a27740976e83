package org.distill4j.cli;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4jBackend;

import static org.assertj.core.api.Assertions.assertThat;

class BackendFailureTest {

    @Test
    void recognisesNd4jWithoutABackendAndNamesTheOneOnTheClassPath() {
        // What ND4J throws when no backend can load, e.g. the CUDA jar on a machine without the NVIDIA driver.
        Throwable error = new ExceptionInInitializerError(
                new RuntimeException(new Nd4jBackend.NoAvailableBackendException("Please ensure ...")));

        // The tests run on the default CPU build.
        assertThat(BackendFailure.describe(error)).hasValueSatisfying(message -> assertThat(message)
                .contains("ND4J found no backend", "CPU backend (nd4j-native)")
                .doesNotContain("CUDA backend"));
        assertThat(BackendFailure.describe(new NoClassDefFoundError("Could not initialize class org.nd4j.linalg.factory.Nd4j")))
                .isPresent();
    }

    @Test
    void theCudaMessageSaysWhatTheBackendNeedsAndHowToBuildTheCpuJar() {
        assertThat(BackendFailure.message(true, false))
                .contains("CUDA backend (nd4j-cuda-11.6", "libcuda.so.1", "without -Pcuda", "DISTILL4J_MAVEN_PROFILES");
    }

    @Test
    void leavesOtherErrorsAlone() {
        assertThat(BackendFailure.describe(new ExceptionInInitializerError(new IllegalStateException("other")))).isEmpty();
        assertThat(BackendFailure.describe(new NoClassDefFoundError("org/example/Missing"))).isEmpty();
    }
}
