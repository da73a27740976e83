package org.distill4j.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The 95% quantiles against closed forms (one and two degrees of freedom: the Cauchy distribution, and
 * F(t) = 1/2 + t / (2 sqrt(2 + t^2))) and, for more degrees, against the density integrated numerically.
 */
class StudentTTest {

    @Test
    void oneAndTwoDegreesOfFreedomMatchTheirClosedForms() {
        assertThat(StudentT.twoSidedQuantile(0.95, 1)).isCloseTo(Math.tan(0.475 * Math.PI), within(1e-9));
        assertThat(StudentT.twoSidedQuantile(0.95, 2)).isCloseTo(0.95 * Math.sqrt(2 / (1 - 0.95 * 0.95)),
                within(1e-9));
        assertThat(StudentT.cdf(1.5, 1)).isCloseTo(0.5 + Math.atan(1.5) / Math.PI, within(1e-12));
        assertThat(StudentT.cdf(-1.5, 2)).isCloseTo(0.5 - 1.5 / (2 * Math.sqrt(2 + 2.25)), within(1e-12));
        assertThat(StudentT.cdf(0, 7)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void theIntervalHolds95PercentOfTheDensity() {
        for (int degrees : new int[] {3, 4, 9, 30}) {
            double quantile = StudentT.twoSidedQuantile(0.95, degrees);
            assertThat(integratedDensity(quantile, degrees)).as("%d degrees", degrees).isCloseTo(0.95, within(1e-8));
        }
    }

    @Test
    void refusesWhatHasNoQuantile() {
        assertThatThrownBy(() -> StudentT.twoSidedQuantile(0.95, 0)).hasMessageContaining("at least 1 degree");
        assertThatThrownBy(() -> StudentT.twoSidedQuantile(1.0, 3)).hasMessageContaining("a confidence is in (0, 1)");
    }

    // Simpson's rule on [-q, q] with the exact normalising constant Gamma((v+1)/2) / (sqrt(v pi) Gamma(v/2)).
    private static double integratedDensity(double quantile, int degrees) {
        double constant = Math.exp(logGammaOfHalf(degrees + 1) - logGammaOfHalf(degrees))
                / Math.sqrt(degrees * Math.PI);
        int intervals = 200_000;
        double step = 2 * quantile / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double t = -quantile + i * step;
            double weight = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.pow(1 + t * t / degrees, -(degrees + 1) / 2.0);
        }
        return constant * sum * step / 3;
    }

    // log Gamma(n / 2) from Gamma(1/2) = sqrt(pi), Gamma(1) = 1 and Gamma(x + 1) = x Gamma(x).
    private static double logGammaOfHalf(int n) {
        double log = n % 2 == 0 ? 0 : 0.5 * Math.log(Math.PI);
        for (int twice = n % 2 == 0 ? 2 : 1; twice < n; twice += 2) {
            log += Math.log(twice / 2.0);
        }
        return log;
    }
}
