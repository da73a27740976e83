package org.distill4j.api;

/** A named learning-rate schedule, evaluated once per epoch. */
public interface LearningRateSchedule {

    /**
     * The factor the base learning rate is multiplied by during an epoch.
     *
     * @param epoch  the epoch about to run, from 0
     * @param epochs the number of epochs of the training stage
     */
    double factor(int epoch, int epochs);
}
