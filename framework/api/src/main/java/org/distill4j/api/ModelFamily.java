package org.distill4j.api;

import org.distill4j.api.network.InputShape;
import org.distill4j.api.network.NetworkSpec;

/** A named architecture family (MLP, VGG, ResNet, ...) that turns its parameters into a network spec. */
public interface ModelFamily {

    /** The architecture for inputs of the given shape and the given number of classes. */
    NetworkSpec specify(InputShape input, int classes);
}
