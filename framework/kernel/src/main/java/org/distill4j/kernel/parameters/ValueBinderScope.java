package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The scope a {@link ValueBinder} binds in, for a {@link TreeBinder}; its problems go to that binding's list of
 * problems.
 */
final class ValueBinderScope implements BindingScope {

    private final BinderSettings settings;
    private final List<Problem> problems;
    private final Location location;
    private final AnnotatedElement element;

    ValueBinderScope(BinderSettings settings, List<Problem> problems, Location location, AnnotatedElement element) {
        this.settings = settings;
        this.problems = problems;
        this.location = location;
        this.element = element;
    }

    @Override
    public String path() {
        return location.text();
    }

    @Override
    public Path baseDirectory() {
        return settings.baseDirectory();
    }

    @Override
    public <A extends Annotation> Optional<A> annotation(Class<A> type) {
        return element == null ? Optional.empty() : Optional.ofNullable(element.getAnnotation(type));
    }

    @Override
    public BindingScope child(String key) {
        return new ValueBinderScope(settings, problems, location.child(key), element);
    }

    @Override
    public BindingScope element(int index) {
        return new ValueBinderScope(settings, problems, location.index(index), element);
    }

    @Override
    public void report(String message) {
        problems.add(new Problem(location.text(), message));
    }

    @Override
    public void reportAll(List<Problem> found) {
        problems.addAll(found);
    }

    @Override
    public void reportUnexpected(String expectation, JsonNode value) {
        report("expected " + expectation + ", got " + NodeDescriptions.of(value));
    }

    @Override
    public <R extends Record> Binding<R> bind(JsonNode tree, Class<R> type) {
        return new TreeBinder(settings).bind(tree, type, Location.root(location.text()));
    }
}
