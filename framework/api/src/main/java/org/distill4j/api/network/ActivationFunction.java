package org.distill4j.api.network;

/** The element-wise functions of {@link NodeSpec.Activation}. */
public enum ActivationFunction {
    /** max(0, x); kinked at 0. */
    RELU,
    /** x for x > 0, exp(x) - 1 otherwise (alpha 1): its first derivative is continuous, unlike ReLU's. */
    ELU,
    /** log(1 + exp(x)): smooth everywhere. */
    SOFTPLUS,
    /** tanh(x): smooth everywhere. */
    TANH
}
