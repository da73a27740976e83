package org.distill4j.report;

/**
 * Student's t distribution: its distribution function, through the regularised incomplete beta function (a continued
 * fraction, evaluated by the modified Lentz method), and the quantile of a confidence interval, by bisection on it.
 */
final class StudentT {

    private static final int ITERATIONS = 300;
    private static final double TINY = 1e-300;
    private static final double TOLERANCE = 1e-15;

    /** P(T <= t) with {@code degrees} degrees of freedom. */
    static double cdf(double t, int degrees) {
        requireDegrees(degrees);
        double tail = 0.5 * regularizedBeta(degrees / (degrees + t * t), degrees / 2.0, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The t with P(|T| <= t) = confidence: the half-width of a confidence interval in standard errors. */
    static double twoSidedQuantile(double confidence, int degrees) {
        requireDegrees(degrees);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence is in (0, 1), got " + confidence);
        }
        double target = 0.5 + confidence / 2;
        double low = 0;
        double high = 1;
        while (cdf(high, degrees) < target) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * high; i++) {
            double middle = (low + high) / 2;
            if (cdf(middle, degrees) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    // I_x(a, b), by the continued fraction where it converges fast and the symmetry I_x(a, b) = 1 - I_(1-x)(b, a)
    // elsewhere.
    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < TINY ? TINY : d);
        double fraction = d;
        for (int m = 1; m <= ITERATIONS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            fraction *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            fraction *= step;
            if (Math.abs(step - 1) < TOLERANCE) {
                return fraction;
            }
        }
        throw new IllegalStateException("the incomplete beta function did not converge at x=" + x + ", a=" + a
                + ", b=" + b);
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }

    // Lanczos' approximation (g = 7, 9 terms), relative error below 1e-13 for positive arguments.
    private static double logGamma(double x) {
        double[] coefficients = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double shifted = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static void requireDegrees(int degrees) {
        if (degrees < 1) {
            throw new IllegalArgumentException("Student's t needs at least 1 degree of freedom, got " + degrees);
        }
    }

    private StudentT() {
    }
}
