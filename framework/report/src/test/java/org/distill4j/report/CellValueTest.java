package org.distill4j.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How a cell combines its runs' values under each aggregation. */
class CellValueTest {

    private static final List<Double> THREE = List.of(91.0, 95.0, 92.0);

    @Test
    void meanStdIsTheMeanWithTheSampleStandardDeviation() {
        CellValue value = new CellValue(Aggregation.MEAN_STD, THREE);

        assertThat(value.n()).isEqualTo(3);
        assertThat(value.center().getAsDouble()).isCloseTo(92.666_666, within(1e-5));
        // Sample deviation (n - 1): sqrt(((91 - 92.67)^2 + (95 - 92.67)^2 + (92 - 92.67)^2) / 2) = 2.0817
        assertThat(value.deviation().getAsDouble()).isCloseTo(2.081_666, within(1e-5));
    }

    @Test
    void oneRunHasNoDeviation() {
        CellValue value = new CellValue(Aggregation.MEAN_STD, List.of(91.0));

        assertThat(value.center()).hasValue(91.0);
        assertThat(value.deviation()).isEmpty();
        assertThat(value.spread()).isEmpty();
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertThat(new CellValue(Aggregation.MEDIAN, THREE).center()).hasValue(92.0);
        assertThat(new CellValue(Aggregation.MEDIAN, List.of(95.0, 91.0, 92.0, 90.0)).center()).hasValue(91.5);
        assertThat(new CellValue(Aggregation.MEDIAN, THREE).deviation()).isEmpty();
    }

    @Test
    void bestIsTheLargestValue() {
        assertThat(new CellValue(Aggregation.BEST, THREE).center()).hasValue(95.0);
        assertThat(new CellValue(Aggregation.BEST, THREE).deviation()).isEmpty();
    }

    @Test
    void allKeepsEveryValueInOrderAndPlotsTheMeanWithItsSpread() {
        CellValue value = new CellValue(Aggregation.ALL, THREE);

        assertThat(value.values()).containsExactly(91.0, 95.0, 92.0);
        assertThat(value.deviation()).isEmpty();
        assertThat(value.center().getAsDouble()).isCloseTo(92.666_666, within(1e-5));
        assertThat(value.spread().getAsDouble()).isCloseTo(2.081_666, within(1e-5));
    }

    @Test
    void noRunsHaveNoValue() {
        CellValue value = new CellValue(Aggregation.MEAN_STD, List.of());

        assertThat(value.n()).isZero();
        assertThat(value.center()).isEmpty();
        assertThat(value.deviation()).isEmpty();
    }
}
