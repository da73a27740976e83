package org.distill4j.cli.bench;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's memory as the kernel sees it. Resident memory (VmRSS, and its peak VmHWM) counts ND4J's off-heap
 * buffers, which the JVM heap figures miss. Beside it go the heap in use and the size of this thread's ND4J
 * workspaces, so a growth can be placed: neither JavaCPP's {@code Pointer.totalBytes()} nor ND4J's
 * {@code AllocationsTracker} counts nd4j-native's allocations in M2.1 (both stay at 0), so an off-heap growth outside
 * the workspaces shows only in the resident figure. Outside Linux there is no {@code /proc/self/status}, and the
 * resident figures are NaN.
 *
 * @param residentMegabytes     VmRSS
 * @param peakResidentMegabytes VmHWM, the most the process has held resident so far
 * @param heapUsedMegabytes     JVM heap in use
 * @param workspaceMegabytes    the current size of this thread's ND4J workspaces (DL4J's activations and working
 *                              memory)
 */
record ResidentMemory(double residentMegabytes, double peakResidentMegabytes, double heapUsedMegabytes,
        double workspaceMegabytes) {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final double MEGABYTE = 1024.0 * 1024.0;

    static ResidentMemory now() {
        double resident = Double.NaN;
        double peak = Double.NaN;
        try {
            List<String> lines = Files.readAllLines(STATUS);
            resident = kilobytes(lines, "VmRSS:") / 1024.0;
            peak = kilobytes(lines, "VmHWM:") / 1024.0;
        } catch (IOException | RuntimeException notLinux) {
            // No procfs: the figures stay NaN and the report says "unknown".
        }
        Runtime runtime = Runtime.getRuntime();
        return new ResidentMemory(resident, peak, (runtime.totalMemory() - runtime.freeMemory()) / MEGABYTE,
                workspaceBytes() / MEGABYTE);
    }

    private static long workspaceBytes() {
        return Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().stream()
                .mapToLong(MemoryWorkspace::getCurrentSize).sum();
    }

    private static double kilobytes(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                // "VmRSS:	  123456 kB"
                return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return Double.NaN;
    }
}
