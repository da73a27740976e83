package org.distill4j.plugin.similaritypreserving;

import org.distill4j.api.Component;
import org.distill4j.api.Distill4jPlugin;
import org.distill4j.testkit.PluginContractTest;

class SimilarityPreservingPluginTest extends PluginContractTest {

    @Override
    protected Distill4jPlugin plugin() {
        return new SimilarityPreservingPlugin();
    }

    @Override
    protected String exampleParameters(Component<?> component) {
        // The tiny networks' second block (4x4 maps of 8 and 16 channels) and a student vector against a teacher map.
        return "{pairs: [{student: conv2.relu, teacher: conv2.relu}, {student: logits, teacher: pool1}]}";
    }
}
