package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1's oneDNN layer helpers.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} whether oneDNN may be used, a class
 * that no longer exists in M2.1: the bindings moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and the
 * method was renamed {@code isUseONEDNN}. Without this class the check fails, DL4J silently drops every oneDNN
 * helper and falls back to Java im2col, 2.4 to 3 times slower (docs/design.md §3). The call is forwarded by reflection
 * so this module compiles and stays harmless under the CUDA backend, where DL4J never asks.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The part of the old native environment that DL4J's helper check reads. */
    public static final class Environment {

        private static final String BINDING = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the native library was built with oneDNN and has it switched on; false where it cannot tell. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> binding = Class.forName(BINDING);
                Object environment = binding.getMethod("getInstance").invoke(null);
                Method useOneDnn = binding.getMethod("isUseONEDNN");
                return (Boolean) useOneDnn.invoke(environment);
            } catch (ReflectiveOperationException | LinkageError | ClassCastException unavailable) {
                // Not the CPU backend, or a native build without the switch: the plain Java path is the right answer.
                return false;
            }
        }
    }
}
