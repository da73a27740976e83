package org.distill4j.api;

/** How often a learning-rate schedule changes the rate, as a PyTorch scheduler's {@code step()} is called. */
public enum ScheduleStep {

    /** Once per epoch, before the epoch's first batch ({@code scheduler.step()} after each epoch). */
    EPOCH,

    /** After every batch ({@code scheduler.step()} after each {@code optimizer.step()}). */
    ITERATION
}
