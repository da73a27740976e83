package org.distill4j.kernel.parameters;

import java.util.List;

/**
 * A path parameter's text as the descriptor wrote it, before {@code ${ENV}} expansion and resolution, at its place
 * in the bound tree. The canonical form keeps this text so an experiment's identity does not depend on where its
 * files happen to live.
 */
record WrittenText(List<Object> segments, String text) {

    WrittenText {
        segments = List.copyOf(segments);
    }
}
