package org.distill4j.cli.sweep;

import org.distill4j.kernel.descriptor.DescriptorOverride;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code distill4j run} arguments of a sweep job: its descriptor, the sweep's profile, the job's one seed, the
 * sweep's results folder and the variant's overrides. Also written out as a shell command to reproduce a failure.
 *
 * @param profile the profile every job runs with, if any
 * @param results the results folder, absolute so that a job's working directory does not matter
 */
public record JobCommandLine(Optional<String> profile, Path results) {

    /** The environment every job runs with: one OpenMP thread, since parallel jobs beat threads on few cores. */
    public static final String THREADS_VARIABLE = "OMP_NUM_THREADS";
    public static final String THREADS = "1";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+-]+");

    public JobCommandLine {
        Objects.requireNonNull(profile, "profile");
        results = Objects.requireNonNull(results, "results").toAbsolutePath().normalize();
    }

    /** The arguments after {@code distill4j}: {@code run <descriptor> [--profile p] --seeds s --results r ...}. */
    public List<String> arguments(SweepJob job) {
        List<String> arguments = new ArrayList<>(List.of("run", job.variant().descriptor().toString()));
        profile.ifPresent(name -> arguments.addAll(List.of("--profile", name)));
        arguments.addAll(List.of("--seeds", Long.toString(job.run().seed()), "--results", results.toString()));
        for (DescriptorOverride override : job.variant().overrides()) {
            arguments.addAll(List.of("--override", override.toString()));
        }
        return List.copyOf(arguments);
    }

    /**
     * The arguments for a job that runs in another working directory (a Spark executor's): the descriptor's path made
     * absolute against {@code workingDirectory}.
     */
    public List<String> arguments(SweepJob job, Path workingDirectory) {
        List<String> arguments = new ArrayList<>(arguments(job));
        arguments.set(1, workingDirectory.resolve(job.variant().descriptor()).toAbsolutePath().normalize().toString());
        return List.copyOf(arguments);
    }

    /** A command a user can paste into a shell to run the job alone, as the sweep ran it. */
    public String shellCommand(SweepJob job) {
        return THREADS_VARIABLE + "=" + THREADS + " distill4j "
                + arguments(job).stream().map(JobCommandLine::quoted).collect(Collectors.joining(" "));
    }

    static String quoted(String argument) {
        return PLAIN.matcher(argument).matches() ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }
}
