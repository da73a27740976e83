package org.distill4j.cli.sweep;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The memory each of a sweep's parallel jobs may use: a share of the machine's, split into the Java heap and
 * JavaCPP's native limits, so that N jobs together fit in memory (five jobs at the launcher's 12 GB physical limit
 * each got one of them killed by the kernel's out-of-memory killer).
 *
 * @param heapBytes     {@code -Xmx}
 * @param nativeBytes   {@code -Dorg.bytedeco.javacpp.maxbytes}: native arrays
 * @param physicalBytes {@code -Dorg.bytedeco.javacpp.maxphysicalbytes}: the whole process
 */
public record JobMemory(long heapBytes, long nativeBytes, long physicalBytes) {

    /** What the machine keeps for the sweep itself, the operating system and the page cache. */
    static final double MACHINE_SHARE = 0.85;
    static final long GIGABYTE = 1L << 30;
    /** The launcher's heap: runs hold their data and records on the heap, their arrays natively. */
    static final long MAXIMUM_HEAP = 2 * GIGABYTE;
    static final long MINIMUM_JOB = GIGABYTE;

    /** Each of {@code jobs} jobs' share of {@code machineBytes}: a quarter of it (at most 2 GB) heap, the rest native. */
    public static JobMemory forJobs(int jobs, long machineBytes) {
        long share = Math.max(MINIMUM_JOB, (long) (machineBytes * MACHINE_SHARE / Math.max(1, jobs)));
        long heap = Math.min(MAXIMUM_HEAP, share / 4);
        return new JobMemory(heap, share - heap, share);
    }

    /** This machine's physical memory, as the operating system reports it. */
    public static long machineBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    /** The JVM arguments that set these limits. */
    public List<String> jvmArguments() {
        return List.of("-Xmx" + megabytes(heapBytes) + "m", "-Dorg.bytedeco.javacpp.maxbytes=" + nativeBytes,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + physicalBytes);
    }

    private static long megabytes(long bytes) {
        return bytes >> 20;
    }
}
