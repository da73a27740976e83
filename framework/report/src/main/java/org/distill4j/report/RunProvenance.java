package org.distill4j.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a table shows of a run's {@code provenance.json}. Runs recorded before a field existed read it as unknown
 * ({@code overrides} as none), so old result trees still load.
 *
 * @param profile          the profile the run applied, empty for none
 * @param hash             the descriptor hash the run was trained for
 * @param overrides        the run's overrides as {@code path=value} texts
 * @param commit           the git commit of the code that trained it, or {@code unknown}
 * @param dirty            whether that checkout had uncommitted changes
 * @param backend          the ND4J backend ({@code CPU}, {@code CUDA})
 * @param nativeClassifier the native library's classifier, e.g. {@code linux-x86_64-onednn-avx2}
 * @param seconds          how long the run took; NaN when not recorded
 * @param dataFiles        the data files the run read, with their SHA-256
 */
public record RunProvenance(String profile, String hash, List<String> overrides, String commit, boolean dirty,
        String backend, String nativeClassifier, double seconds, List<DataFile> dataFiles) {

    private static final String UNKNOWN = "unknown";

    /**
     * A data file a run read.
     *
     * @param location where it was read from, as the dataset recorded it
     * @param sha256   its SHA-256
     */
    public record DataFile(String location, String sha256) {
        public DataFile {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public RunProvenance {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(hash, "hash");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(nativeClassifier, "nativeClassifier");
        dataFiles = List.copyOf(dataFiles);
    }

    /** Reads the fields a table needs from a parsed {@code provenance.json}. */
    public static RunProvenance of(JsonNode provenance) {
        List<String> overrides = new ArrayList<>();
        provenance.path("overrides").forEach(override -> overrides.add(override.asText()));
        List<DataFile> files = new ArrayList<>();
        provenance.path("data").path("files").forEach(file ->
                files.add(new DataFile(file.path("location").asText(UNKNOWN), file.path("sha256").asText(UNKNOWN))));
        JsonNode seconds = provenance.path("seconds");
        return new RunProvenance(provenance.path("profile").asText(""), provenance.path("hash").asText(UNKNOWN),
                overrides, provenance.path("git").path("commit").asText(UNKNOWN),
                provenance.path("git").path("dirty").asBoolean(false),
                provenance.path("backend").path("nd4j-backend").asText(UNKNOWN),
                provenance.path("backend").path("native-classifier").asText(UNKNOWN),
                seconds.isNumber() ? seconds.doubleValue() : Double.NaN, files);
    }
}
