package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.NodeDescriptions;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.parameters.StrictYaml;
import org.distill4j.kernel.parameters.YamlDocument;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Parses YAML experiment descriptors into {@link ResolvedExperiment}s, reporting every problem of a descriptor at
 * once: YAML errors, unknown keys (with the valid ones), wrong types and ranges, unknown component names (with the
 * available ones, the params still checked against the closest), teacher rules, teacher descriptors (parsed with
 * the same profile), and taps that the networks do not have. docs/descriptors.md documents the format.
 */
public final class DescriptorParser {

    private final ComponentRegistry registry;
    private final ComponentFactory factory;
    private final ParameterBinder binder;

    /** A parser that expands {@code ${NAME}} in paths from the process environment. */
    @Inject
    public DescriptorParser(ComponentRegistry registry, ComponentFactory factory) {
        this(registry, factory, new ParameterBinder());
    }

    /** A parser whose binder decides the environment (tests pass a fixed one). */
    public DescriptorParser(ComponentRegistry registry, ComponentFactory factory, ParameterBinder binder) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.binder = Objects.requireNonNull(binder, "binder");
    }

    /** Parses a descriptor without a profile. */
    public ParseResult parse(Path descriptor) {
        return parse(descriptor, Optional.empty());
    }

    /**
     * Parses a descriptor with a profile merged over it (and over its teacher descriptors). Problems at values the
     * profile wrote are reported under {@code profiles.<name>}; other problems name the profile.
     */
    public ParseResult parse(Path descriptor, Optional<String> profile) {
        return parse(descriptor, profile, List.of());
    }

    /**
     * Parses a descriptor with a profile and then the given overrides applied (to this descriptor only, not to its
     * teacher descriptors): a variant of the experiment with its own identity.
     */
    public ParseResult parse(Path descriptor, Optional<String> profile, List<DescriptorOverride> overrides) {
        Path source = descriptor.toAbsolutePath().normalize();
        return resolve(source, profile, List.of(), overrides).result();
    }

    /**
     * Checks a descriptor on its own and with each of its profiles: the base's problems, then the problems that
     * each profile adds, without training anything. Empty when the descriptor is valid in every form.
     */
    public List<Problem> validate(Path descriptor) {
        return validate(descriptor, Optional.empty());
    }

    /**
     * Checks a descriptor on its own and with one profile (all of them when {@code only} is empty): the base's
     * problems, then the problems the profile adds.
     */
    public List<Problem> validate(Path descriptor, Optional<String> only) {
        Path source = descriptor.toAbsolutePath().normalize();
        Outcome base = resolve(source, Optional.empty(), List.of());
        List<Problem> problems = new ArrayList<>(base.problems());
        Set<Problem> known = new HashSet<>(base.problems());
        for (String profile : only.map(List::of).orElse(base.profileNames())) {
            Outcome withProfile = resolve(source, Optional.of(profile), List.of());
            List<Problem> added = withProfile.problems().stream().filter(problem -> !known.contains(problem)).toList();
            problems.addAll(withProfile.overlay().map(overlay -> ProfileAttribution.attribute(added, profile, overlay))
                    .orElse(added));
        }
        return List.copyOf(problems);
    }

    /**
     * The names of a descriptor's profiles, in the order written.
     *
     * @throws InvalidDescriptorException when the file cannot be read or its profiles section is malformed
     */
    public List<String> profiles(Path descriptor) {
        Path source = descriptor.toAbsolutePath().normalize();
        YamlDocument yaml = StrictYaml.read(source);
        List<Problem> problems = new ArrayList<>(yaml.problems());
        Optional<ObjectNode> root = problems.isEmpty() ? root(yaml, problems) : Optional.empty();
        if (root.isEmpty()) {
            throw new InvalidDescriptorException(source, problems);
        }
        Profiles profiles = Profiles.of(root.get());
        if (!profiles.problems().isEmpty()) {
            throw new InvalidDescriptorException(source, profiles.problems());
        }
        return profiles.names();
    }

    private Outcome resolve(Path source, Optional<String> profile, List<Path> chain) {
        return resolve(source, profile, chain, List.of());
    }

    private Outcome resolve(Path source, Optional<String> profile, List<Path> chain, List<DescriptorOverride> overrides) {
        YamlDocument yaml = StrictYaml.read(source);
        List<Problem> problems = new ArrayList<>(yaml.problems());
        Optional<ObjectNode> root = problems.isEmpty() ? root(yaml, problems) : Optional.empty();
        if (root.isEmpty()) {
            return Outcome.failed(source, problems, profile);
        }
        Profiles profiles = Profiles.of(root.get());
        problems.addAll(profiles.problems());
        ObjectNode merged = root.get().deepCopy();
        merged.remove(Profiles.KEY);
        Optional<ObjectNode> overlay = Optional.empty();
        if (profile.isPresent()) {
            overlay = profiles.overlay(profile.get());
            if (overlay.isEmpty()) {
                problems.add(profiles.missing(profile.get()));
                return new Outcome(source, Optional.empty(), problems, profile, overlay, profiles.names());
            }
            merged = ProfileMerge.merge(merged, overlay.get());
        }
        for (DescriptorOverride override : overrides) {
            override.applyTo(merged);
        }
        problems.addAll(DistillerSections.check(merged));
        List<Path> longerChain = new ArrayList<>(chain);
        longerChain.add(DescriptorPaths.identity(source));
        Binding<DescriptorDocument> binding = binderFor(profile, longerChain)
                .bind(merged, DescriptorDocument.class, "", source.getParent());
        problems.addAll(binding.problems());
        problems.addAll(TrainingSection.check(merged));
        Optional<ResolvedExperiment> experiment = Optional.empty();
        if (binding.bestEffortValue().isPresent()) {
            DescriptorDocument document = binding.bestEffortValue().get();
            problems.addAll(crossChecks(document));
            if (problems.isEmpty()) {
                experiment = Optional.of(assemble(document, source, profile.orElse(""), overrides));
            }
        }
        return new Outcome(source, experiment, problems, profile, overlay, profiles.names());
    }

    private static Optional<ObjectNode> root(YamlDocument yaml, List<Problem> problems) {
        if (yaml.tree().isEmpty()) {
            problems.add(new Problem("", "the descriptor is empty; it needs at least experiment, seeds, dataset,"
                    + " student, distiller (or distillers) and training"));
            return Optional.empty();
        }
        JsonNode tree = yaml.tree().get();
        if (!tree.isObject()) {
            problems.add(new Problem("", "expected a map of keys (experiment, seeds, dataset, student, distiller,"
                    + " training, ...), got " + NodeDescriptions.of(tree)));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) tree);
    }

    // One binder per descriptor: the teacher binder must know the chain of descriptors above it (to find cycles)
    // and the profile (teachers resolve with the student's profile).
    private ParameterBinder binderFor(Optional<String> profile, List<Path> chain) {
        return ExperimentAssembly.binder(binder, registry,
                new TeacherBinder(teacher -> resolve(teacher, profile, chain).result(), chain));
    }

    // Checks across sections, once every section has bound.
    private List<Problem> crossChecks(DescriptorDocument document) {
        return ExperimentAssembly.crossChecks(document, binder, factory);
    }

    private ResolvedExperiment assemble(DescriptorDocument document, Path source, String profile,
            List<DescriptorOverride> overrides) {
        String canonicalJson = CanonicalJson.write(CanonicalForm.of(document, profile, binder));
        return ExperimentAssembly.assemble(document, source, profile, canonicalJson, overrides);
    }

    /**
     * What parsing one descriptor gave, before problems are attributed to the profile.
     *
     * @param overlay      the profile's partial descriptor, when a profile was asked for and exists
     * @param profileNames the descriptor's valid profiles
     */
    private record Outcome(Path source, Optional<ResolvedExperiment> experiment, List<Problem> problems,
            Optional<String> profile, Optional<ObjectNode> overlay, List<String> profileNames) {

        static Outcome failed(Path source, List<Problem> problems, Optional<String> profile) {
            return new Outcome(source, Optional.empty(), problems, profile, Optional.empty(), List.of());
        }

        ParseResult result() {
            if (experiment.isPresent()) {
                return ParseResult.valid(experiment.get());
            }
            List<Problem> attributed = overlay.isPresent()
                    ? ProfileAttribution.attribute(problems, profile.orElseThrow(), overlay.get())
                    : problems;
            return ParseResult.invalid(source, attributed);
        }
    }
}
