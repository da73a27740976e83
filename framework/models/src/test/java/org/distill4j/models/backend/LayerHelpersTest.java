package org.distill4j.models.backend;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;
import org.distill4j.models.graph.GraphBuilder;
import org.distill4j.models.graph.GraphSettings;
import org.distill4j.models.resnet.ResnetFamily;
import org.distill4j.models.resnet.ResnetParams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jCpu;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oneDNN helpers must really be on under the build's test flags (the parent pom sets
 * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false} and the default classifier is built with oneDNN):
 * DL4J would otherwise fall back to Java convolutions without a word.
 */
class LayerHelpersTest {

    @Test
    void theCompatibilityClassForwardsToTheCurrentBindings() throws ReflectiveOperationException {
        Object expected;
        try {
            Class<?> binding = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
            expected = binding.getMethod("isUseONEDNN").invoke(binding.getMethod("getInstance").invoke(null));
        } catch (ClassNotFoundException notTheCpuBackend) {
            expected = false;
        }

        assertThat(Nd4jCpu.Environment.getInstance().isUseMKLDNN()).isEqualTo(expected);
    }

    @Test
    void convolutionLayersGetTheOneDnnHelperOnTheCpuBackend() {
        assertThat(System.getProperty(LayerHelpers.DISABLE_PROPERTY)).as("surefire flag from the parent pom")
                .isEqualTo("false");
        LayerHelperState state = LayerHelpers.state();
        assertThat(state.helpersEnabled()).isTrue();
        NetworkSpec spec = new ResnetFamily(new ResnetParams(8, List.of(4, 8, 8))).specify(new InputShape(1, 8, 8), 3);
        ComputationGraph graph = GraphBuilder.build(spec, GraphSettings.inference(1));
        graph.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 1, 8, 8));
        LayerHelper helper = ((ConvolutionLayer) graph.getLayer("stem.conv")).getHelper();

        if (state.backend().equals("CPU")) {
            // The default nd4j-native classifier (linux-x86_64-onednn-avx2) is built with oneDNN.
            assertThat(state.nativeFeatures()).contains("HAVE_ONEDNN");
            assertThat(state.oneDnnInUse()).isTrue();
            assertThat(state.describe()).contains("oneDNN in use").doesNotContain("slow");
            assertThat(helper).isInstanceOf(MKLDNNConvHelper.class);
        } else {
            assertThat(state.oneDnnInUse()).isFalse();
            assertThat(helper).isNotInstanceOf(MKLDNNConvHelper.class);
        }
    }

    @Test
    void theStateNamesTheBackendAndTheNativeBuild() {
        LayerHelperState state = LayerHelpers.state();

        assertThat(state.backend()).isIn("CPU", "CUDA");
        assertThat(state.nativeClassifier()).isNotEqualTo("unknown");
        assertThat(state.describe()).contains(state.nativeClassifier()).contains("ND4J backend " + state.backend());
    }
}
