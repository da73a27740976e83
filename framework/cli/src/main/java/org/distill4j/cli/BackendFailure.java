package org.distill4j.cli;

import java.util.Optional;

/**
 * Turns ND4J's failure to find a backend it can load into one line that says which backend this jar carries and what
 * it needs. ND4J reports it as an {@link ExceptionInInitializerError} of {@code Nd4j} whose message only asks for "an
 * nd4j backend on your classpath", even when the backend is there and its native libraries (for CUDA: the NVIDIA
 * driver) are what is missing. {@code list} and {@code validate} never initialise ND4J and are not affected.
 */
final class BackendFailure {

    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    private BackendFailure() {
    }

    /** The message for {@code error} if ND4J failed to find a usable backend; empty for any other error. */
    static Optional<String> describe(Throwable error) {
        if (!isBackendFailure(error)) {
            return Optional.empty();
        }
        return Optional.of(message(present(CUDA_BACKEND), present(CPU_BACKEND)));
    }

    static String message(boolean cuda, boolean cpu) {
        String message = "distill4j: ND4J found no backend it can run on (its warning above names what failed to load).";
        if (cuda) {
            message += "\n  This jar carries the CUDA backend (nd4j-cuda-11.6, built with -Pcuda): it needs an NVIDIA GPU,"
                    + " its driver (libcuda.so.1) and the CUDA 11.6 runtime. Without one, build the default CPU jar"
                    + " (mvn install without -Pcuda, or scripts/distill4j without DISTILL4J_MAVEN_PROFILES=cuda).";
        }
        if (cpu) {
            message += "\n  This jar carries the CPU backend (nd4j-native): if this processor lacks AVX2, build with"
                    + " -Dnd4j.classifier=linux-x86_64.";
        }
        if (!cuda && !cpu) {
            message += "\n  No ND4J backend is on the class path: build the jar through Maven (mvn install), which adds one.";
        }
        return message;
    }

    private static boolean isBackendFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().endsWith("Nd4jBackend$NoAvailableBackendException")
                    || (cause instanceof NoClassDefFoundError && String.valueOf(cause.getMessage())
                    .contains("org.nd4j.linalg.factory.Nd4j"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, BackendFailure.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
