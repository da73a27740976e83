package org.distill4j.kernel.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A distiller of a descriptor and where it was written ({@code distiller} or {@code distillers[i]}), so that
 * checks on it report the right path.
 */
record LocatedDistiller(String path, WeightedDistiller distiller) {

    LocatedDistiller {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(distiller, "distiller");
    }

    /** The distillers of the main training. */
    static List<LocatedDistiller> of(DescriptorDocument document) {
        return of("", document.distiller(), document.distillers());
    }

    /** The distillers of one earlier stage. */
    static List<LocatedDistiller> ofStage(DescriptorDocument document, int stage) {
        DescriptorDocument.Stage section = document.stages().get(stage);
        return of(DistillerSections.STAGES + "[" + stage + "].", section.distiller(), section.distillers());
    }

    /** Every distiller of the descriptor: the earlier stages' in order, then the main training's. */
    static List<LocatedDistiller> all(DescriptorDocument document) {
        List<LocatedDistiller> located = new ArrayList<>();
        for (int stage = 0; stage < document.stages().size(); stage++) {
            located.addAll(ofStage(document, stage));
        }
        located.addAll(of(document));
        return List.copyOf(located);
    }

    private static List<LocatedDistiller> of(String prefix, WeightedDistiller one, List<WeightedDistiller> many) {
        List<LocatedDistiller> located = new ArrayList<>();
        if (one != null) {
            located.add(new LocatedDistiller(prefix + DistillerSections.ONE, one));
        }
        if (many != null) {
            for (int i = 0; i < many.size(); i++) {
                located.add(new LocatedDistiller(prefix + DistillerSections.MANY + "[" + i + "]", many.get(i)));
            }
        }
        return List.copyOf(located);
    }

    String name() {
        return distiller.distiller().name();
    }
}
