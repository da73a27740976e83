package org.distill4j.spark;

import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports each attempt of a job's task as it starts and when it fails, so that the sweep shows where a run is and
 * that Spark retried it. A job's stages carry its run id as their job group.
 */
final class SweepTaskListener extends SparkListener {

    private static final String JOB_GROUP = "spark.jobGroup.id";

    private final DriverOutput output;
    private final Map<Integer, String> runOfStage = new ConcurrentHashMap<>();

    SweepTaskListener(DriverOutput output) {
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        if (event.properties() != null && event.properties().getProperty(JOB_GROUP) != null) {
            runOfStage.put(event.stageInfo().stageId(), event.properties().getProperty(JOB_GROUP));
        }
    }

    // Attempts are numbered from 1 on the wire (Spark counts from 0), as the job's log and the sweep show them.
    @Override
    public void onTaskStart(SparkListenerTaskStart event) {
        String run = runOfStage.get(event.stageId());
        if (run != null) {
            output.send("running", run, event.taskInfo().attemptNumber() + 1, executor(event.taskInfo()));
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        String run = runOfStage.get(event.stageId());
        if (run != null && event.reason() instanceof TaskFailedReason failure) {
            output.send("attempt-failed", run, event.taskInfo().attemptNumber() + 1, executor(event.taskInfo()),
                    SparkSweepDriver.firstLines(failure.toErrorString()));
        }
    }

    private static String executor(TaskInfo task) {
        return task.executorId() + " (" + task.host() + ")";
    }
}
