package org.distill4j.kernel.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A distiller of a descriptor and where it was written ({@code distiller} or {@code distillers[i]}), so that
 * checks on it report the right path.
 */
record LocatedDistiller(String path, WeightedComponent distiller) {

    LocatedDistiller {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(distiller, "distiller");
    }

    static List<LocatedDistiller> of(DescriptorDocument document) {
        List<LocatedDistiller> located = new ArrayList<>();
        if (document.distiller() != null) {
            located.add(new LocatedDistiller(DistillerSections.ONE, document.distiller()));
        }
        if (document.distillers() != null) {
            for (int i = 0; i < document.distillers().size(); i++) {
                located.add(new LocatedDistiller(DistillerSections.MANY + "[" + i + "]", document.distillers().get(i)));
            }
        }
        return List.copyOf(located);
    }

    String name() {
        return distiller.component().choice().name();
    }
}
