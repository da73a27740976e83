package org.distill4j.kernel.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.distill4j.api.Problem;
import org.distill4j.kernel.parameters.Binding;
import org.distill4j.kernel.parameters.BindingScope;
import org.distill4j.kernel.parameters.ValueBinder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Binds the {@code teacher} section of a {@code resolved.json}: {@code {experiment: <id>, hash: <full hash>, seed}},
 * found through a {@link TeacherLookup} instead of a descriptor file, or {@code {file, sha256}}, bound exactly as a
 * descriptor's file teacher is. It binds a recorded {@code student.source} too (always an experiment).
 */
final class RecordedTeacherBinder implements ValueBinder<ResolvedTeacher> {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final TeacherLookup teachers;
    // A recorded file teacher is written as a descriptor writes it, so the descriptor's binder handles it; it never
    // parses a teacher descriptor because the section has no 'experiment' path.
    private final TeacherBinder fileTeachers = new TeacherBinder(descriptor -> {
        throw new IllegalStateException("a recorded file teacher has no descriptor to parse: " + descriptor);
    }, List.of());

    RecordedTeacherBinder(TeacherLookup teachers) {
        this.teachers = Objects.requireNonNull(teachers, "teachers");
    }

    @Override
    public String typeName() {
        return "map with experiment, hash and seed, or file and sha256";
    }

    @Override
    public Optional<ResolvedTeacher> bind(JsonNode value, BindingScope scope) {
        if (value.isObject() && value.has("file")) {
            return fileTeachers.bind(value, scope);
        }
        Binding<RecordedTeacherShape> binding = scope.bind(value, RecordedTeacherShape.class);
        scope.reportAll(binding.problems());
        if (binding.value().isEmpty()) {
            return Optional.empty();
        }
        RecordedTeacherShape shape = binding.value().get();
        if (!SHA256.matcher(shape.hash()).matches()) {
            scope.child("hash").report("expected the teacher's full hash (64 lower-case hexadecimal digits), got '"
                    + shape.hash() + "'");
            return Optional.empty();
        }
        ParseResult found = teachers.find(shape.experiment(), shape.hash());
        String prefix = scope.child("experiment").path() + "(" + shape.experiment() + ")";
        if (!found.isValid()) {
            scope.reportAll(found.problems().stream()
                    .map(problem -> new Problem(ProblemPaths.prefixed(prefix, problem.path()), problem.message()))
                    .toList());
            return Optional.empty();
        }
        ResolvedExperiment teacher = found.experiment().orElseThrow();
        if (!teacher.id().equals(shape.experiment()) || !teacher.hash().equals(shape.hash())) {
            scope.child("experiment").report("looking up teacher " + shape.experiment() + " with hash " + shape.hash()
                    + " gave " + teacher.id() + " with hash " + teacher.hash() + " (from " + teacher.source() + ")");
            return Optional.empty();
        }
        OptionalLong fixedSeed = shape.seed().fixed();
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("experiment", teacher.id());
        canonical.put("hash", teacher.hash());
        if (fixedSeed.isPresent()) {
            canonical.put("seed", fixedSeed.getAsLong());
        } else {
            canonical.put("seed", TeacherSeed.SAME);
        }
        return Optional.of(new ResolvedTeacher(new ExperimentTeacher(teacher, fixedSeed), canonical));
    }
}
