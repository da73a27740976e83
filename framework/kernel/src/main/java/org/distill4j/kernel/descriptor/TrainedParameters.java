package org.distill4j.kernel.descriptor;

/** Which of the student's parameters a training stage updates. */
public enum TrainedParameters {
    /** Every parameter. */
    ALL,
    /**
     * Only the parameters of the layers the stage's student taps depend on (the tap vertices and everything before
     * them); the layers after them keep their values, as FitNets' hint stage and FSP's first stage require.
     */
    TAPS
}
