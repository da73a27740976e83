package org.distill4j.plugin.pruning;

/** Where {@code magnitude} pruning draws its threshold. */
public enum MagnitudeScope {
    /** One threshold over every masked weight of the network (Park and No's default). */
    GLOBAL,
    /** The same fraction of each layer's remaining weights; a different teacher, an ablation. */
    LAYER_WISE
}
