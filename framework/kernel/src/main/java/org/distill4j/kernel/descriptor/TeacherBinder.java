package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds the {@code teacher} section: exactly one of {@code experiment} (another descriptor, parsed here with the
 * same profile, its problems reported under {@code teacher.experiment(<file>)}) and {@code file} (a model zip with
 * its {@code sha256}). A section marked {@link SourceNetwork} ({@code student.source}) has the same shape but takes
 * only {@code experiment}.
 */
final class TeacherBinder implements ValueBinder<ResolvedTeacher> {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Function<Path, ParseResult> parseTeacher;
    private final List<Path> chain;

    /**
     * @param parseTeacher parses a teacher descriptor (with the student's profile, one step further down the chain)
     * @param chain        the descriptors whose teachers are being resolved, outermost first, ending with this one
     */
    TeacherBinder(Function<Path, ParseResult> parseTeacher, List<Path> chain) {
        this.parseTeacher = Objects.requireNonNull(parseTeacher, "parseTeacher");
        this.chain = List.copyOf(chain);
    }

    @Override
    public String typeName() {
        return "map with experiment and seed, or file and sha256";
    }

    @Override
    public Optional<ResolvedTeacher> bind(JsonNode value, BindingScope scope) {
        Binding<DescriptorDocument.TeacherShape> binding = scope.bind(value, DescriptorDocument.TeacherShape.class);
        scope.reportAll(binding.problems());
        if (binding.bestEffortValue().isEmpty()) {
            return Optional.empty();
        }
        DescriptorDocument.TeacherShape shape = binding.bestEffortValue().get();
        ObjectNode written = binding.canonicalTree();
        boolean source = scope.annotation(SourceNetwork.class).isPresent();
        if (source && shape.file() != null) {
            scope.child("file").report("a derived model family designs the student from its source's architecture"
                    + " (the source experiment's model family), which only an experiment gives, not a model file;"
                    + " write source: {experiment: <pruned teacher descriptor>}");
            return Optional.empty();
        }
        if (source && shape.experiment() == null) {
            scope.report("missing required key 'experiment': the descriptor of the trained network the student is"
                    + " designed from (a pruned teacher), relative to this descriptor's directory");
            return Optional.empty();
        }
        if ((shape.experiment() == null) == (shape.file() == null)) {
            scope.report("give exactly one of 'experiment' (a teacher descriptor, trained first) or 'file' (a trained"
                    + " model zip with its sha256)" + (shape.file() == null ? "" : ", not both"));
            return Optional.empty();
        }
        return shape.file() != null
                ? fileTeacher(shape, written.get("file").textValue(), scope)
                : experimentTeacher(shape, written.get("experiment").textValue(), scope, source ? "source" : "teacher");
    }

    private Optional<ResolvedTeacher> fileTeacher(DescriptorDocument.TeacherShape shape, String writtenFile,
            BindingScope scope) {
        boolean valid = true;
        if (shape.seed() != null) {
            scope.child("seed").report("only an 'experiment' teacher has a seed; a 'file' teacher is already trained");
            valid = false;
        }
        if (shape.sha256() == null) {
            scope.child("sha256").report("missing required key 'sha256' (required with 'file'): the SHA-256 of the"
                    + " model zip, 64 hexadecimal digits, as printed by sha256sum");
            return Optional.empty();
        }
        if (!SHA256.matcher(shape.sha256()).matches()) {
            scope.child("sha256").report("expected 64 hexadecimal digits (a SHA-256, as printed by sha256sum), got '"
                    + shape.sha256() + "' (" + shape.sha256().length() + " characters)");
            return Optional.empty();
        }
        String sha256 = shape.sha256().toLowerCase(Locale.ROOT);
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("file", writtenFile);
        canonical.put("sha256", sha256);
        return valid ? Optional.of(new ResolvedTeacher(new FileTeacher(Path.of(shape.file()), sha256), canonical))
                : Optional.empty();
    }

    // role: "teacher", or "source" for the trained network of a derived student (student.source)
    private Optional<ResolvedTeacher> experimentTeacher(DescriptorDocument.TeacherShape shape, String writtenPath,
            BindingScope scope, String role) {
        if (shape.sha256() != null) {
            scope.child("sha256").report(role.equals("teacher")
                    ? "only a 'file' teacher has a sha256; an 'experiment' teacher is identified by the hash of its"
                            + " descriptor"
                    : "a source experiment is identified by the hash of its descriptor; remove 'sha256'");
            return Optional.empty();
        }
        BindingScope experimentScope = scope.child("experiment");
        Path descriptor = Path.of(shape.experiment());
        if (!Files.isRegularFile(descriptor)) {
            experimentScope.report("no " + role + " descriptor at " + descriptor + " ('" + writtenPath + "' is"
                    + " relative to " + scope.baseDirectory().toAbsolutePath() + ")");
            return Optional.empty();
        }
        Path identity = DescriptorPaths.identity(descriptor);
        if (chain.contains(identity)) {
            experimentScope.report(role + " cycle: " + chain.subList(chain.indexOf(identity), chain.size()).stream()
                    .map(Path::toString).collect(Collectors.joining(" -> ")) + " -> " + identity
                    + "; a descriptor cannot be its own " + role);
            return Optional.empty();
        }
        ParseResult teacher = parseTeacher.apply(identity);
        if (!teacher.isValid()) {
            String prefix = experimentScope.path() + "(" + writtenPath + ")";
            scope.reportAll(teacher.problems().stream()
                    .map(problem -> new Problem(ProblemPaths.prefixed(prefix, problem.path()), problem.message()))
                    .toList());
            return Optional.empty();
        }
        ResolvedExperiment experiment = teacher.experiment().orElseThrow();
        OptionalLong fixedSeed = shape.seed() == null ? OptionalLong.empty() : shape.seed().fixed();
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("experiment", experiment.id());
        canonical.put("hash", experiment.hash());
        if (fixedSeed.isPresent()) {
            canonical.put("seed", fixedSeed.getAsLong());
        } else {
            canonical.put("seed", TeacherSeed.SAME);
        }
        return Optional.of(new ResolvedTeacher(new ExperimentTeacher(experiment, fixedSeed), canonical));
    }
}
