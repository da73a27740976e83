package org.distill4j.api;

/**
 * How the kernel initialises a trainable parameter of a loss ({@link LossGraph#parameter}) at the start of each
 * training stage: every element is drawn independently as {@code mean + standardDeviation * N(0, 1)} from a generator
 * seeded by the run's seed and the parameter's name, so a run is reproducible and two parameters never share draws.
 *
 * @param mean              the value every element is centred on
 * @param standardDeviation the spread of the draws; 0 gives every element the mean exactly
 */
public record ParameterInit(double mean, double standardDeviation) {

    public ParameterInit {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("the mean of a parameter initialisation must be finite, got " + mean);
        }
        if (!(standardDeviation >= 0) || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("the standard deviation of a parameter initialisation must be finite"
                    + " and >= 0, got " + standardDeviation);
        }
    }

    /**
     * He (Kaiming) normal initialisation, {@code N(0, 2 / fanIn)}: the usual choice for the weights of a convolution
     * or a dense map, with {@code fanIn} the number of inputs of one output unit ({@code kH * kW * C_in} for a
     * convolution, {@code C_in} for a dense map).
     */
    public static ParameterInit heNormal(long fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("He initialisation needs a fan-in >= 1 (inputs per output unit), got "
                    + fanIn);
        }
        return new ParameterInit(0, Math.sqrt(2.0 / fanIn));
    }

    /** Zero-mean normal draws with the given standard deviation. */
    public static ParameterInit normal(double standardDeviation) {
        return new ParameterInit(0, standardDeviation);
    }

    /** Every element 0: the usual choice for biases. */
    public static ParameterInit zeros() {
        return new ParameterInit(0, 0);
    }

    /** Every element the given value. */
    public static ParameterInit constant(double value) {
        return new ParameterInit(value, 0);
    }
}
