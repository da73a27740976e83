package org.distill4j.kernel.retrieval;

import org.distill4j.api.data.DataSplit;
import org.distill4j.api.data.Dataset;
import org.distill4j.api.network.InputShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrievalDataTest {

    @Test
    void trainsOnTheChosenClassesAndRetrievesAmongTheTestImagesOfTheOthers() {
        Dataset data = new Dataset("four", new InputShape(1, 1, 1), List.of("a", "b", "c", "d"),
                split(new int[] {0, 1, 2, 3, 2, 0}), split(new int[] {3, 2}), split(new int[] {1, 3, 0, 2, 3}), List.of());

        RetrievalData retrieval = RetrievalData.of(data, new Retrieval(List.of(2, 0), "embedding", List.of(1)));

        assertThat(retrieval.training().classNames()).containsExactly("c", "a");
        // Training images of classes 2 and 0 (positions 0, 2, 4, 5), relabelled 2 -> 0 and 0 -> 1.
        assertThat(retrieval.training().train().labels()).containsExactly(1, 0, 0, 1);
        assertThat(retrieval.training().train().features().data().asDouble()).containsExactly(0, 2, 4, 5);
        assertThat(retrieval.training().validation().labels()).containsExactly(0);
        assertThat(retrieval.training().test().size()).isZero();
        // Test images of classes 1 and 3 (positions 0, 1, 4), relabelled in label order.
        assertThat(retrieval.gallery().labels()).containsExactly(0, 1, 1);
        assertThat(retrieval.gallery().features().data().asDouble()).containsExactly(0, 1, 4);
        assertThat(retrieval.retrievedClasses()).containsExactly(1, 3);
    }

    @Test
    void classesOutsideTheDatasetAreRejected() {
        Dataset data = new Dataset("two", new InputShape(1, 1, 1), List.of("a", "b"), split(new int[] {0, 1}),
                split(new int[] {}), split(new int[] {0, 1}), List.of());

        assertThatThrownBy(() -> RetrievalData.of(data, new Retrieval(List.of(0, 1), "embedding", List.of(1))))
                .hasMessageContaining("leaves none to retrieve");
    }

    /** One 1x1 image per label whose pixel is its position, so a selection shows which images it kept. */
    private static DataSplit split(int[] labels) {
        double[] pixels = new double[labels.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        return new DataSplit(Nd4j.create(pixels, new long[] {labels.length, 1, 1, 1}, org.nd4j.linalg.api.buffer.DataType.FLOAT), labels);
    }
}
