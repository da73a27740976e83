package org.distill4j.datasets.synthetic;

import org.distill4j.api.data.DataContext;
import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.datasets.SplitInspection;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticSourceTest {

    private static final DataContext CONTEXT = new DataContext(1, Path.of("."));

    @Test
    void defaultsGiveTheDocumentedShapeAndSizes() {
        Dataset dataset = new SyntheticSource(SyntheticParams.defaults()).load(CONTEXT);

        assertThat(dataset.classNames()).hasSize(10).startsWith("class-0");
        assertThat(dataset.train().size()).isEqualTo(461);
        assertThat(dataset.validation().size()).isEqualTo(51);
        assertThat(dataset.test().size()).isEqualTo(256);
        assertThat(dataset.test().features().shape()).containsExactly(256, 1, 28, 28);
        assertThat(dataset.files()).isEmpty();
        assertThat(dataset.train().features().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(dataset.train().features().maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        int[] testCounts = SplitInspection.classCounts(dataset.test(), 10);
        assertThat(testCounts).containsOnly(25, 26);
    }

    @Test
    void sameParametersGiveTheSameImagesAndAnotherDataSeedOthers() {
        SyntheticParams params = new SyntheticParams(4, 40, 20, 3, 8, 8, 5, 0.25);
        SyntheticParams otherSeed = new SyntheticParams(4, 40, 20, 3, 8, 8, 6, 0.25);

        Dataset first = new SyntheticSource(params).load(CONTEXT);
        Dataset again = new SyntheticSource(params).load(CONTEXT);
        Dataset other = new SyntheticSource(otherSeed).load(CONTEXT);

        assertThat(again.train().features()).isEqualTo(first.train().features());
        assertThat(again.validation().features()).isEqualTo(first.validation().features());
        assertThat(again.test().features()).isEqualTo(first.test().features());
        assertThat(other.test().features()).isNotEqualTo(first.test().features());
        assertThat(first.train().features().shape()).containsExactly(30, 3, 8, 8);
    }

    @Test
    void theRunSeedChoosesTheValidationImages() {
        SyntheticParams params = new SyntheticParams(4, 40, 20, 1, 8, 8, 5, 0.25);

        Dataset first = new SyntheticSource(params).load(new DataContext(1, Path.of(".")));
        Dataset other = new SyntheticSource(params).load(new DataContext(2, Path.of(".")));

        assertThat(other.validation().features()).isNotEqualTo(first.validation().features());
        assertThat(other.test().features()).isEqualTo(first.test().features());
    }

    @Test
    void aSmallMlpLearnsItInTwoEpochs() {
        Dataset dataset = new SyntheticSource(SyntheticParams.defaults()).load(CONTEXT);
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new Adam(1e-3))
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();

        List<DataSet> batches = asFlatDataSet(dataset.train()).batchBy(32);
        for (int epoch = 0; epoch < 2; epoch++) {
            Collections.shuffle(batches, new java.util.Random(epoch));
            for (DataSet batch : batches) {
                network.fit(batch);
            }
        }

        DataSet test = asFlatDataSet(dataset.test());
        INDArray predicted = network.output(test.getFeatures()).argMax(1);
        INDArray expected = test.getLabels().argMax(1);
        double accuracy = predicted.eq(expected).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertThat(accuracy).isGreaterThan(0.9);
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> new SyntheticParams(1, 10, 10, 1, 4, 4, 0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes must be >= 2, got 1");
        assertThatThrownBy(() -> new SyntheticParams(2, 10, 10, 1, 4, 4, 0, 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation-fraction");
        assertThatThrownBy(() -> new SyntheticParams(2, 1_000_000, 1_000_000, 64, 1024, 1024, 0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one array holds");
    }

    private static DataSet asFlatDataSet(DataSplit split) {
        INDArray features = split.features().reshape(split.size(), 784);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, split.size(), 10);
        for (int image = 0; image < split.size(); image++) {
            labels.putScalar(image, split.labels()[image], 1);
        }
        return new DataSet(features, labels);
    }
}
