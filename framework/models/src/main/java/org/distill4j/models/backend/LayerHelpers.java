package org.distill4j.models.backend;

import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reports whether DL4J will use its native layer helpers. DL4J falls back to Java implementations without a word
 * when they are off, so runs print this state (docs/design.md §3).
 */
public final class LayerHelpers {

    /** DL4J's switch; helpers are disabled unless it is set to {@code false}. */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static final String UNKNOWN = "unknown";

    private LayerHelpers() {
    }

    /** The current state; initialises ND4J if nothing has yet. */
    public static LayerHelperState state() {
        boolean enabled = !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, "true"))
                && Nd4j.getEnvironment().helpersAllowed();
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", UNKNOWN);
        return new LayerHelperState(enabled, enabled && BaseMKLDNNHelper.mklDnnEnabled(), backend, nativeClassifier(),
                nativeFeatures());
    }

    /** The folder the ND4J JNI library was extracted from, which JavaCPP names after the jar's classifier. */
    private static String nativeClassifier() {
        for (Map.Entry<String, String> library : Loader.getLoadedLibraries().entrySet()) {
            if (library.getKey().startsWith("jnind4j") && library.getValue() != null) {
                Path folder = Path.of(library.getValue()).getParent();
                return folder == null ? UNKNOWN : folder.getFileName().toString();
            }
        }
        return UNKNOWN;
    }

    private static List<String> nativeFeatures() {
        try {
            String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
            return Arrays.stream(info.split("\\R")).map(String::trim).filter(line -> line.startsWith("HAVE_")).toList();
        } catch (RuntimeException | LinkageError unavailable) {
            // Build information is informational: a backend without it must not stop a run.
            return List.of();
        }
    }
}
