package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which teacher a run learned from, as its records name it: a teacher run (experiment, hash, seed) or a model file
 * (file name, SHA-256). Deterministic: the same in every run of the same descriptor and seed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeacherIdentity(String experiment, String hash, Long seed, String file, String sha256) {

    public static TeacherIdentity ofRun(String experiment, String hash, long seed) {
        return new TeacherIdentity(experiment, hash, seed, null, null);
    }

    public static TeacherIdentity ofFile(String file, String sha256) {
        return new TeacherIdentity(null, null, null, file, sha256);
    }
}
