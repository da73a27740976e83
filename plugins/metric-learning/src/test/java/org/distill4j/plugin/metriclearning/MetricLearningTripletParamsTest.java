package org.distill4j.plugin.metriclearning;

import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MetricLearningTripletParamsTest {

    @Test
    void defaultsAreBatchHardWithMarginPointTwo() {
        assertThat(bind("{}").value()).contains(new MetricLearningTripletParams());
        assertThat(bind("{mining: batch-all, margin: 0.5}").value())
                .contains(new MetricLearningTripletParams(0.5, MetricLearningTripletMining.BATCH_ALL, "embedding"));
    }

    @Test
    void badValuesAreRejected() {
        assertThat(bind("{margin: -0.1}").problems()).isNotEmpty();
        assertThat(bind("{mining: hardest}").problems()).extracting(Problem::toString)
                .anySatisfy(problem -> assertThat(problem).contains("batch-hard"));
        assertThat(bind("{embedding: ''}").problems()).extracting(Problem::message)
                .singleElement().asString().contains("embedding must name a vector vertex");
    }

    private static Binding<MetricLearningTripletParams> bind(String yaml) {
        return new ParameterBinder().bind(StrictYaml.read(yaml).tree().orElseThrow(),
                MetricLearningTripletParams.class, "params", Path.of(""));
    }
}
