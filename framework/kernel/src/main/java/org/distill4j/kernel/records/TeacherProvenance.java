package org.distill4j.kernel.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a teacher (or a derived student's source) came from: a run (its identity, directory relative to the
 * results folder, and model hash) or a model file (name, hash, path).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeacherProvenance(String experiment, String hash, Long seed, String run, String modelSha256,
        String file, String sha256, String path) {

    public static TeacherProvenance ofRun(TeacherIdentity identity, String run, String modelSha256) {
        return new TeacherProvenance(identity.experiment(), identity.hash(), identity.seed(), run, modelSha256, null,
                null, null);
    }

    public static TeacherProvenance ofFile(TeacherIdentity identity, String path) {
        return new TeacherProvenance(null, null, null, null, null, identity.file(), identity.sha256(), path);
    }
}
