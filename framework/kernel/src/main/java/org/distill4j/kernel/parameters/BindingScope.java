package org.distill4j.kernel.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import org.distill4j.api.Problem;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a {@link ValueBinder} sees of the binding it takes part in: where its value is and where problems go. */
public interface BindingScope {

    /** The dotted path of the value, as problems show it. */
    String path();

    /** The directory relative paths resolve against. */
    Path baseDirectory();

    /** An annotation on the record component being bound (for a list, on the list component). */
    <A extends Annotation> Optional<A> annotation(Class<A> type);

    /** The scope of a key inside this value. */
    BindingScope child(String key);

    /** The scope of an element of this value, when it is a list. */
    BindingScope element(int index);

    /** Reports a problem at this scope's path. */
    void report(String message);

    /** Reports problems found elsewhere, such as those of a {@link #bind nested binding}. */
    void reportAll(List<Problem> problems);

    /** Reports that the value is not of the expected kind: "expected {expectation}, got {what the value is}". */
    void reportUnexpected(String expectation, JsonNode value);

    /**
     * Binds a record at this scope's path with the same binder (same environment, base directory and value
     * binders). Its problems are returned, not reported, so the caller can add context before reporting them.
     */
    <R extends Record> Binding<R> bind(JsonNode tree, Class<R> type);
}
