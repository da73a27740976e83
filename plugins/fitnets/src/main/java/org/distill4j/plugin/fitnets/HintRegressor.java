package org.distill4j.plugin.fitnets;

/** The form of the regressor that maps the student's guided features to the teacher's hint. */
public enum HintRegressor {
    /**
     * The paper's: one linear convolution with bias, stride 1 and no padding, of kernel
     * {@code (Hs - Ht + 1) x (Ws - Wt + 1)} from the student's channels to the teacher's, so the output has the
     * hint's shape; between two vectors, a dense map with bias (the fully connected regressor the paper mentions).
     */
    CONV,
    /**
     * RepDistiller's {@code ConvReg} (models/util.py), which its FitNet runs use with weight 100: the same
     * convolution, then batch norm in training mode and a ReLU. Feature maps only; of ConvReg's branches, the one
     * whose student map is at least the teacher's size (not its stride-2 and transposed convolutions for maps twice
     * or half the size, which are refused).
     */
    CONV_BN_RELU
}
