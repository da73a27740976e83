package org.distill4j.api.data;

import org.distill4j.api.network.InputShape;

import java.util.List;
import java.util.Objects;

/** What a dataset looks like, known before it is loaded. */
public record DatasetInfo(InputShape shape, List<String> classNames) {

    public DatasetInfo {
        Objects.requireNonNull(shape, "shape");
        classNames = List.copyOf(classNames);
    }

    public int classes() {
        return classNames.size();
    }
}
