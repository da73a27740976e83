package org.distill4j.kernel.parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits: the dotted path users see in problems ({@code distiller.params.hidden[1]}), and the keys and
 * indices below the binding's root, which locate the value in the bound tree.
 */
record Location(String text, List<Object> segments) {

    Location {
        segments = List.copyOf(segments);
    }

    static Location root(String path) {
        return new Location(path, List.of());
    }

    Location child(String key) {
        return new Location(text.isEmpty() ? key : text + "." + key, appended(key));
    }

    Location index(int index) {
        return new Location(text + "[" + index + "]", appended(index));
    }

    private List<Object> appended(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return longer;
    }
}
