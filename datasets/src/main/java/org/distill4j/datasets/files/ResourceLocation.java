package org.distill4j.datasets.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A data file packed inside the datasets jar, named as a class-path resource ({@code org/distill4j/...}). */
public record ResourceLocation(String resource, String remedy) implements DataLocation {

    public ResourceLocation {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(remedy, "remedy");
    }

    @Override
    public String location() {
        return "classpath:" + resource;
    }

    @Override
    public byte[] readAllBytes() {
        try (InputStream stream = ResourceLocation.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new DataFileException(location() + " is not on the class path; " + remedy);
            }
            return stream.readAllBytes();
        } catch (IOException failure) {
            throw new DataFileException("cannot read " + location() + " (" + failure + "); " + remedy, failure);
        }
    }
}
