package org.distill4j.api.network;

/**
 * How a network's trainable parameters start, as the reference code of a paper initialises them. A model family
 * takes one as its {@code initialisation} parameter, defaulting to its official code's; the network spec carries it
 * and the graph builder applies it, deterministically from the run's seed.
 *
 * <p>Fans as PyTorch computes them: a convolution of {@code in} to {@code out} channels with a k x k kernel has
 * {@code fanIn = in * k * k} and {@code fanOut = out * k * k}; a dense layer {@code fanIn = in}, {@code fanOut = out}.
 * {@code N(0, s^2)} is a normal distribution with standard deviation {@code s}, {@code U(-b, b)} a uniform one.
 * Batch-norm running statistics always start at mean 0 and variance 1.
 */
public enum Initialisation {

    /**
     * PyTorch's module defaults ({@code torch.nn.Conv2d} and {@code torch.nn.Linear} {@code reset_parameters}:
     * {@code kaiming_uniform_(a=sqrt(5))}): convolution and dense weights and biases {@code U(-1/sqrt(fanIn),
     * 1/sqrt(fanIn))}; batch norm gamma 1, beta 0. What code that builds its layers and initialises nothing gets.
     */
    TORCH_DEFAULT,

    /**
     * He et al. 2015 normal with fan-in and ReLU gain ({@code kaiming_normal_(w)} with its defaults, DL4J's
     * {@code WeightInit.RELU}): convolution and dense weights {@code N(0, 2/fanIn)}, biases 0; batch norm gamma 1,
     * beta 0. Park and No's code (ososos888/prune-then-distill, {@code models/cifar_vgg.py}); Distill4J's only
     * initialisation before issue 18.
     */
    HE_NORMAL_FAN_IN,

    /**
     * {@link #HE_NORMAL_FAN_IN} with batch-norm gamma drawn from {@code U(0, 1)} (beta 0): Zagoruyko and Komodakis's
     * functional WRN (szagoruyko/attention-transfer, {@code utils.py}: {@code conv_params} and {@code linear_params}
     * use {@code kaiming_normal_} with zero linear bias, {@code bnparams} draws {@code torch.rand(n)} for the weight).
     */
    HE_NORMAL_FAN_IN_UNIFORM_GAMMA,

    /**
     * Convolution weights {@code N(0, 2/fanOut)} ({@code kaiming_normal_(w, mode='fan_out', nonlinearity='relu')}),
     * convolution biases 0; dense layers as {@link #TORCH_DEFAULT}; batch norm gamma 1, beta 0. RepDistiller's CIFAR
     * ResNets (HobbitLong/RepDistiller, {@code models/resnet.py}), as torchvision's ResNets.
     */
    KAIMING_NORMAL_FAN_OUT,

    /**
     * Convolutions as {@link #KAIMING_NORMAL_FAN_OUT} ({@code normal_(0, sqrt(2/n))} with {@code n = k*k*out}, bias
     * 0), dense weights {@code N(0, 0.01^2)} and biases 0; batch norm gamma 1, beta 0. RepDistiller's CIFAR VGGs
     * (HobbitLong/RepDistiller, {@code models/vgg.py}, {@code _initialize_weights}), as torchvision's VGG.
     */
    KAIMING_NORMAL_FAN_OUT_DENSE_NORMAL
}
