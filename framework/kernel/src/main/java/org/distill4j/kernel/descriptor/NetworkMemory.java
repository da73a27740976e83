package org.distill4j.kernel.descriptor;

import org.bytedeco.javacpp.Pointer;
import org.distill4j.api.network.NetworkSpec;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a network's parameters fit the native memory this JVM may use, checked when the descriptor is read: an
 * allocation beyond JavaCPP's limit crashes the JVM in native code instead of failing with a message.
 */
final class NetworkMemory {

    /**
     * Float32 weights, their gradients and two optimizer moments (Adam's; momentum SGD keeps one): the least a
     * training holds per parameter, activations not counted.
     */
    static final long BYTES_PER_PARAMETER = 4L * 4;

    private NetworkMemory() {
    }

    /** The problem with a network of this spec, or empty when its parameters fit {@link Pointer#maxBytes()}. */
    static Optional<String> problem(NetworkSpec spec, String role) {
        return problem(spec, role, Pointer.maxBytes());
    }

    static Optional<String> problem(NetworkSpec spec, String role, long limitBytes) {
        long parameters = spec.statistics().parameters();
        // Saturating: a width near Integer.MAX_VALUE gives parameter counts whose byte count overflows a long.
        long bytes = parameters > Long.MAX_VALUE / BYTES_PER_PARAMETER ? Long.MAX_VALUE
                : parameters * BYTES_PER_PARAMETER;
        if (limitBytes <= 0 || bytes <= limitBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the %s network (%s) has %,d parameters: its weights,"
                        + " gradients and optimizer state alone need about %s, more than the %s of native memory"
                        + " this JVM may use (-Dorg.bytedeco.javacpp.maxbytes); make it smaller", role, spec.family(),
                parameters, gigabytes(bytes), gigabytes(limitBytes)));
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
