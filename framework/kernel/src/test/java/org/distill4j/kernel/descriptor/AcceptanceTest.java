package org.distill4j.kernel.descriptor;

import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.FakePlugin.HintonParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The descriptors under {@code src/test/resources/descriptors/acceptance}. */
class AcceptanceTest {

    @TempDir
    Path directory;

    @Test
    void aMisspelledDistillerAnUnknownParameterAndANegativeTemperatureAreReportedTogether() {
        ParseResult result = new DescriptorFixture(directory).parser.parse(resource("student.yaml"));

        assertThat(result.problems()).containsExactly(
                new Problem("distiller.name", "unknown distiller 'hinton-dk' (did you mean 'hinton-kd'?); available:"
                        + " cross-entropy, hint, hinton-kd, mirror, other-mirror"),
                new Problem("distiller.params.alpah", "unknown key 'alpah' (did you mean 'alpha'?); known keys:"
                        + " temperature, alpha (checked against 'hinton-kd')"),
                new Problem("distiller.params.temperature",
                        "-4.0 is out of range: must be > 0 (checked against 'hinton-kd')"));
    }

    @Test
    void theCorrectedDescriptorResolves() {
        ResolvedExperiment experiment = new DescriptorFixture(directory).parser.parse(resource("fixed.yaml")).orElseThrow();

        assertThat(experiment.id()).isEqualTo("hinton2015/kd-t20");
        assertThat(experiment.distillers()).singleElement()
                .satisfies(distiller -> assertThat(distiller.distiller().parameters()).isEqualTo(new HintonParams(20, 0.9)));
        assertThat(experiment.teacher()).get().isInstanceOfSatisfying(ExperimentTeacher.class,
                teacher -> assertThat(teacher.experiment().id()).isEqualTo("hinton2015/teacher"));
    }

    private static Path resource(String name) {
        try {
            return Path.of(AcceptanceTest.class.getResource("/descriptors/acceptance/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
