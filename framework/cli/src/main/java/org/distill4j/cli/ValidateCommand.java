package org.distill4j.cli;

import jakarta.inject.Inject;
import org.distill4j.api.Problem;
import org.distill4j.kernel.descriptor.DescriptorParser;
import org.distill4j.kernel.descriptor.InvalidDescriptorException;
import org.distill4j.kernel.descriptor.ParseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
            ParseResult result = parser.parse(file, Optional.empty());
            List<String> profiles = profilesToCheck(file);
            Set<Problem> problems = new LinkedHashSet<>(result.problems());
            ParseResult shownResult = result;
            for (String name : profiles) {
                ParseResult merged = parser.parse(file, Optional.of(name));
                merged.problems().forEach(problem -> problems.add(inProfile(problem, name)));
                if (name.equals(profile)) {
                    shownResult = merged;
                }
            }
            Path shown = Path.of("").toAbsolutePath().relativize(file);
            if (problems.isEmpty()) {
                var experiment = shownResult.experiment().orElseThrow();
                System.out.println("ok      " + shown + "  (" + experiment.id() + ", hash " + experiment.hash12()
                        + (experiment.profile().isEmpty() ? "" : ", profile " + experiment.profile())
                        + (profile == null && !profiles.isEmpty() ? "; profiles " + String.join(", ", profiles)
                                + " checked" : "") + ")");
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

    /**
     * The profiles checked besides the base: the one asked for, or every profile of the descriptor. None when the
     * profiles section itself is unreadable (the base's problems say why).
     */
    private List<String> profilesToCheck(Path file) {
        if (profile != null) {
            return List.of(profile);
        }
        try {
            return parser.profiles(file);
        } catch (InvalidDescriptorException e) {
            return List.of();
        }
    }

    /**
     * A problem of the descriptor merged with a profile. Problems of the profile's own keys already name it
     * ({@code profiles.quick...}); one that appears only in the merged descriptor is said to come with the profile.
     * A problem of the base that the profile does not change equals the base's own and is listed once.
     */
    private static Problem inProfile(Problem problem, String name) {
        return problem.path().startsWith("profiles." + name) ? problem
                : new Problem(problem.path(), "with profile '" + name + "': " + problem.message());
    }
}
