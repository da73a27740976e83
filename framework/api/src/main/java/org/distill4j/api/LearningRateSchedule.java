package org.distill4j.api;

/**
 * A named learning-rate schedule, a factor on the optimizer's base rate that changes once per epoch or, when
 * {@link #step()} says {@link ScheduleStep#ITERATION}, after every batch.
 */
public interface LearningRateSchedule {

    /**
     * The factor the base learning rate is multiplied by during one step of the schedule.
     *
     * @param epoch  the step about to run, from 0: the epoch, or the iteration (batch) of the stage for a schedule
     *               stepped per iteration
     * @param epochs the number of steps of the training stage: its epochs, or epochs times batches per epoch
     */
    double factor(int epoch, int epochs);

    /**
     * How often the schedule is stepped; with {@link ScheduleStep#ITERATION} every time of {@link #factor} (the
     * schedule's milestones, its period) counts iterations, exactly as a PyTorch scheduler stepped after every batch.
     */
    default ScheduleStep step() {
        return ScheduleStep.EPOCH;
    }
}
