package org.distill4j.datasets.idx;

import java.util.Objects;

/**
 * The decoded content of an IDX image file ({@code idx3-ubyte}). Immutable: the pixel array is never handed out
 * except to build an {@link org.distill4j.datasets.images.ImagePool}, which shares it read-only.
 */
public final class IdxImages {

    private final String location;
    private final int count;
    private final int rows;
    private final int columns;
    private final byte[] pixels;

    IdxImages(String location, int count, int rows, int columns, byte[] pixels) {
        this.location = Objects.requireNonNull(location, "location");
        this.count = count;
        this.rows = rows;
        this.columns = columns;
        this.pixels = Objects.requireNonNull(pixels, "pixels");
    }

    /** The file the images came from. */
    public String location() {
        return location;
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    byte[] pixelArray() {
        return pixels;
    }

    public long byteSize() {
        return pixels.length;
    }
}
