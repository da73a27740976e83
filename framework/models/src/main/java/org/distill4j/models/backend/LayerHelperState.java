package org.distill4j.models.backend;

import java.util.List;
import java.util.Objects;

/**
 * Whether DL4J's native layer helpers (oneDNN on CPU, cuDNN on CUDA) are in play, for run logs and provenance.
 *
 * @param helpersEnabled   the system property {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false}
 *                         and the native environment allows helpers; DL4J creates no helper otherwise
 * @param oneDnnInUse      DL4J's own oneDNN check passes (CPU backend, helpers allowed, oneDNN built in and on)
 * @param backend          the ND4J backend, e.g. {@code CPU} or {@code CUDA}, as ND4J reports it
 * @param nativeClassifier the platform folder the native library was loaded from, e.g.
 *                         {@code linux-x86_64-onednn-avx2}, or {@code unknown}
 * @param nativeFeatures   the {@code HAVE_*} flags of the native build, e.g. {@code HAVE_ONEDNN}
 */
public record LayerHelperState(boolean helpersEnabled, boolean oneDnnInUse, String backend, String nativeClassifier,
        List<String> nativeFeatures) {

    public LayerHelperState {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(nativeClassifier, "nativeClassifier");
        nativeFeatures = List.copyOf(nativeFeatures);
    }

    /** One line for a log, with what to change when the CPU backend runs without oneDNN. */
    public String describe() {
        String line = "ND4J backend " + backend + ", native " + nativeClassifier + " " + nativeFeatures
                + ", layer helpers " + (helpersEnabled ? "enabled" : "disabled")
                + ", oneDNN " + (oneDnnInUse ? "in use" : "not in use");
        if ("CPU".equalsIgnoreCase(backend) && !oneDnnInUse) {
            line += " (slow Java convolutions: run with -D" + LayerHelpers.DISABLE_PROPERTY
                    + "=false and an nd4j-native classifier with oneDNN, e.g. linux-x86_64-onednn-avx2)";
        }
        return line;
    }
}
