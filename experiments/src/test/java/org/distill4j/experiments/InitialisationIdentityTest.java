package org.distill4j.experiments;

import org.distill4j.kernel.Kernel;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initialisation, the weight-decay scope and the schedule's stepping are parameters of the resolved descriptor,
 * so a run's identity records them: a family whose default initialisation changes gets new identities, and its old
 * runs show as stale.
 */
class InitialisationIdentityTest {

    private static final String DESCRIPTOR = """
            experiment: fixture/identity
            seeds: [1]
            dataset: {name: fashion-mnist}
            student: {model: {family: vgg, params: {layers: ["8", M]%s}}}
            distiller: {name: cross-entropy}
            training: {epochs: 1, schedule: {name: cosine}}
            """;

    @TempDir
    Path directory;

    private ResolvedExperiment resolve(String extraParameters) throws IOException {
        Path file = Files.writeString(directory.resolve("experiment.yaml"), DESCRIPTOR.formatted(extraParameters));
        return Kernel.start().getInstance(DescriptorParser.class).parse(file).orElseThrow();
    }

    @Test
    void theResolvedDescriptorNamesTheDefaultsAndTheHashFollowsTheInitialisation() throws IOException {
        ResolvedExperiment byDefault = resolve("");
        assertThat(byDefault.canonicalJson())
                .contains("\"initialisation\":\"kaiming-normal-fan-out-dense-normal\"")
                .contains("\"weight-decay-scope\":\"all\"")
                .contains("\"step\":\"epoch\"");
        assertThat(resolve(", initialisation: kaiming-normal-fan-out-dense-normal").hash()).isEqualTo(byDefault.hash());
        assertThat(resolve(", initialisation: he-normal-fan-in").hash()).isNotEqualTo(byDefault.hash());
    }
}
