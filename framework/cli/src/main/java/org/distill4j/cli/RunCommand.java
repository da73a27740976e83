package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.DescriptorOverride;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.ParseResult;
import org.distill4j.kernel.descriptor.ResolvedExperiment;
import org.distill4j.kernel.run.ExperimentRunner;
import org.distill4j.kernel.run.RunResult;
import org.distill4j.kernel.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Runs experiments: every (descriptor, seed) that is not DONE yet, then a summary of the results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run experiment descriptors (files or folders). Finished runs are reused, not retrained; "
                + "teachers are trained once and shared.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTOR", description = "descriptor files or folders of them")
    private List<Path> descriptors;

    @Option(names = "--profile", description = "apply this profile of every descriptor (e.g. quick, full)")
    private String profile;

    @Option(names = "--seeds", split = ",", description = "run only these of the descriptors' seeds")
    private List<Long> seeds;

    @Option(names = "--results", defaultValue = "results", converter = ResultsFolder.class, description = "results folder (default ${DEFAULT-VALUE})")
    private Path results;

    @Option(names = "--override", paramLabel = "PATH=VALUE",
            description = "set a value after the profile, e.g. distiller.params.temperature=20 (a variant of the "
                    + "experiment with its own identity); repeatable")
    private List<String> overrides = List.of();

    @Inject
    private DescriptorParser parser;

    @Inject
    private ExperimentRunners runners;

    @Override
    public Integer call() {
        List<ResolvedExperiment> experiments = new ArrayList<>();
        boolean invalid = false;
        for (Path file : Descriptors.expand(descriptors)) {
            ParseResult result = parser.parse(file, Optional.ofNullable(profile),
                    overrides.stream().map(DescriptorOverride::parse).toList());
            if (result.isValid()) {
                experiments.add(result.experiment().orElseThrow());
            } else {
                invalid = true;
                System.out.println("INVALID " + file + ":");
                for (Problem problem : result.problems()) {
                    System.out.println("  - " + problem);
                }
            }
        }
        if (invalid) {
            System.out.println("nothing was run: fix the descriptors above (distill4j validate checks them)");
            return 2;
        }
        Optional<String> seedProblem = SeedSelection.problem(seeds, experiments);
        if (seedProblem.isPresent()) {
            System.out.println(seedProblem.get());
            System.out.println("nothing was run");
            return 2;
        }
        ExperimentRunner runner = runners.into(new RunStore(results));
        Summary summary = new Summary();
        for (ResolvedExperiment experiment : experiments) {
            for (long seed : experiment.seeds()) {
                if (seeds == null || seeds.contains(seed)) {
                    RunResult result = runner.run(experiment, seed);
                    if (result.reused()) {
                        System.out.println("== " + experiment.id() + " seed " + seed + ": already DONE in "
                                + runner.store().root().relativize(result.directory()));
                    }
                    summary.add(experiment, result);
                }
            }
        }
        summary.print(System.out);
        return 0;
    }
}
