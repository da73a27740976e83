package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.DescriptorParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Checks descriptors against the installed plugins without training anything or writing any file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check experiment descriptors: every problem is reported with its path and the valid alternatives. "
                + "Trains nothing and writes nothing.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DESCRIPTOR", description = "descriptor files or folders of them")
    private List<Path> descriptors;

    @Option(names = "--profile", description = "check the base descriptors and this profile merged onto them"
            + " (e.g. quick); without it, the base and every profile")
    private String profile;

    @Inject
    private DescriptorParser parser;

    @Override
    public Integer call() {
        int invalid = 0;
        List<Path> files = Descriptors.expand(descriptors);
        for (Path file : files) {
            // The base and every profile (or the one asked for) merged onto it, each checked.
            List<Problem> problems = parser.validate(file, Optional.ofNullable(profile));
            Path shown = Path.of("").toAbsolutePath().relativize(file);
            if (problems.isEmpty()) {
                var experiment = parser.parse(file, Optional.ofNullable(profile)).experiment().orElseThrow();
                List<String> profiles = profile == null ? parser.profiles(file) : List.of();
                System.out.println("ok      " + shown + "  (" + experiment.id() + ", hash " + experiment.hash12()
                        + (experiment.profile().isEmpty() ? "" : ", profile " + experiment.profile())
                        + (profiles.isEmpty() ? "" : "; profiles " + String.join(", ", profiles) + " checked") + ")");
            } else {
                invalid++;
                System.out.println("INVALID " + shown + ": " + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s"));
                for (Problem problem : problems) {
                    System.out.println("  - " + problem);
                }
            }
        }
        System.out.println(files.size() - invalid + " of " + files.size() + " descriptors valid");
        return invalid == 0 ? 0 : 2;
    }
}
