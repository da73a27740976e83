package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.ParameterBinder;
import org.distill4j.kernel.plugin.ComponentFactory;
import org.distill4j.kernel.plugin.ComponentRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a run's {@code resolved.json} back into the {@link ResolvedExperiment} that wrote it, with the same
 * canonical JSON and hash, without the descriptor file (which may have changed or gone since).
 *
 * <p>The canonical form is a descriptor without profiles whose defaults are all spelled out, so it is bound with the
 * descriptor binders and checked like a descriptor; the recorded profile name is carried over, and the teacher,
 * recorded by identity, is found through a {@link TeacherLookup}. If the installed plugins resolve the record to
 * another identity (a component gained a parameter, a default changed), that is a problem that names the paths that
 * differ: rerunning it would not be the recorded experiment.
 */
public final class RecordedDescriptorReader {

    private static final int DIFFERENCES_SHOWN = 10;

    private final ComponentRegistry registry;
    private final ComponentFactory factory;
    private final ParameterBinder binder;

    /** A reader that expands {@code ${NAME}} in paths from the process environment. */
    @Inject
    public RecordedDescriptorReader(ComponentRegistry registry, ComponentFactory factory) {
        this(registry, factory, new ParameterBinder());
    }

    /** A reader whose binder decides the environment (tests pass a fixed one). */
    public RecordedDescriptorReader(ComponentRegistry registry, ComponentFactory factory, ParameterBinder binder) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.binder = Objects.requireNonNull(binder, "binder");
    }

    /**
     * The recorded experiment, or every problem that prevents rebuilding it with the same identity.
     *
     * @param teachers finds the experiment a recorded teacher reference names (usually by reading its recorded run)
     */
    public ParseResult read(RecordedDescriptor recorded, TeacherLookup teachers) {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(teachers, "teachers");
        JsonNode tree = recorded.resolved();
        if (!tree.isObject() || !tree.path("profile").isTextual()) {
            return ParseResult.invalid(recorded.location(), List.of(new Problem("", "expected the canonical form of an"
                    + " experiment as distill4j run writes it to resolved.json (a map with experiment, profile,"
                    + " dataset, student, distillers and training), got "
                    + (tree.isObject() ? "a map without a 'profile' string" : tree.getNodeType().toString().toLowerCase(Locale.ROOT)))));
        }
        String profile = tree.get("profile").textValue();
        ObjectNode descriptor = ((ObjectNode) tree).deepCopy();
        descriptor.remove("profile");
        ArrayNode seeds = descriptor.putArray("seeds");
        recorded.seeds().forEach(seeds::add);

        List<Problem> problems = new ArrayList<>(DistillerSections.check(descriptor));
        Binding<DescriptorDocument> binding = binderFor(teachers)
                .bind(descriptor, DescriptorDocument.class, "", recorded.baseDirectory());
        problems.addAll(binding.problems());
        problems.addAll(TrainingSection.check(descriptor));
        if (binding.bestEffortValue().isEmpty() || !problems.isEmpty()) {
            return ParseResult.invalid(recorded.location(), problems);
        }
        DescriptorDocument document = binding.bestEffortValue().get();
        problems.addAll(crossChecks(document));
        String canonicalJson = CanonicalJson.write(CanonicalForm.of(document, profile, binder));
        if (problems.isEmpty() && !canonicalJson.equals(recorded.canonicalJson())) {
            problems.add(new Problem("", "the installed plugins resolve this record to another identity (hash "
                    + CanonicalJson.sha256(canonicalJson) + " instead of " + recorded.hash() + "); what differs"
                    + " (recorded -> now): " + differences(tree, CanonicalForm.of(document, profile, binder))
                    + "; the run was made with other plugin versions (see its provenance.json)"));
        }
        if (!problems.isEmpty()) {
            return ParseResult.invalid(recorded.location(), problems);
        }
        return ParseResult.valid(assemble(document, recorded, profile, canonicalJson));
    }

    // The descriptor parser's binders, except that the teacher is recorded by identity rather than by file.
    private ParameterBinder binderFor(TeacherLookup teachers) {
        return ExperimentAssembly.binder(binder, registry, new RecordedTeacherBinder(teachers));
    }

    // The same checks across sections as DescriptorParser's, so that a record the installed plugins can no longer
    // run (a tap that is gone) is reported before any training.
    private List<Problem> crossChecks(DescriptorDocument document) {
        return ExperimentAssembly.crossChecks(document, binder, factory);
    }

    private static ResolvedExperiment assemble(DescriptorDocument document, RecordedDescriptor recorded,
            String profile, String canonicalJson) {
        return ExperimentAssembly.assemble(document, recorded.source().toAbsolutePath().normalize(), profile,
                canonicalJson, recorded.overrides());
    }

    private static String differences(JsonNode recorded, JsonNode now) {
        Map<String, String> before = flatten(recorded);
        Map<String, String> after = flatten(now);
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> differing = paths.stream()
                .filter(path -> !Objects.equals(before.get(path), after.get(path)))
                .map(path -> path + ": " + before.getOrDefault(path, "(absent)") + " -> "
                        + after.getOrDefault(path, "(absent)"))
                .toList();
        return differing.size() <= DIFFERENCES_SHOWN ? String.join(", ", differing)
                : String.join(", ", differing.subList(0, DIFFERENCES_SHOWN)) + " and "
                        + (differing.size() - DIFFERENCES_SHOWN) + " more";
    }

    private static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> values = new TreeMap<>();
        flatten("", tree, values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(field -> flatten(ProblemPaths.prefixed(path, field.getKey()), field.getValue(), values));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), values);
            }
        } else {
            values.put(path, node.toString());
        }
    }
}
