package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * {@code provenance.json}: where a run came from (Tribuo-style): code, descriptor, seed, plugins, backend, machine,
 * data, teacher, and the times, which vary between identical runs and so are never in {@link RunMetrics}.
 *
 * @param overrides          the values set after the profile, as {@code path=value}
 * @param seconds            the run's training, compression and alignment time
 * @param compressionSeconds for a compressed student
 * @param alignmentSeconds   for a compressed student an aligner recovered
 * @param recoverySeconds    for a compressed student: its alignment and training time (what FSKD's tables compare)
 * @param studentSource      for a student a derived family designed: the source run
 */
public record RunProvenance(String experiment, String profile, String hash, long seed, List<String> overrides,
        DescriptorFile descriptor, GitCommit git, Map<String, PluginProvenance> plugins, BackendProvenance backend,
        MachineProvenance machine, DataProvenance data,
        @JsonInclude(JsonInclude.Include.NON_NULL) TeacherProvenance teacher,
        String modelSha256, String started, String finished, double seconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double compressionSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double alignmentSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double recoverySeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) TeacherProvenance studentSource) {

    /** The descriptor file the run was made from. */
    public record DescriptorFile(String path, String sha256) {
    }

    /**
     * The commit the code was built from, and whether the working tree differed from it.
     *
     * @param patch       for a dirty tree, the file in the run directory that holds the changes ({@code git apply}
     *                    on the commit reproduces the code)
     * @param patchSha256 its SHA-256
     */
    public record GitCommit(String commit, boolean dirty,
            @JsonInclude(JsonInclude.Include.NON_NULL) String patch,
            @JsonInclude(JsonInclude.Include.NON_NULL) String patchSha256) {
    }

    /** A plugin on the class path and its version. */
    public record PluginProvenance(@com.fasterxml.jackson.annotation.JsonProperty("class") String className,
            String version) {
    }

    /** The ND4J backend and native settings the run used. */
    public record BackendProvenance(String nd4jBackend, String nativeClassifier, List<String> nativeFeatures,
            boolean layerHelpers, boolean onednn, String ompNumThreads) {
    }

    /** The machine the run ran on. */
    public record MachineProvenance(String java, String os, String cpu, int cores) {
    }

    /** The data the run loaded: its splits' sizes and files. */
    public record DataProvenance(String name, int train, int validation, int test, List<DataFileProvenance> files) {
    }

    /** One data file and its hash. */
    public record DataFileProvenance(String location, String sha256, long bytes) {
    }
}
