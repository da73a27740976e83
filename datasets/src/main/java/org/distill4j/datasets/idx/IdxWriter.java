package org.distill4j.datasets.idx;

import java.nio.ByteBuffer;

/** Writes IDX files, for the embedded-subset generator and for tests that need small data files. */
public final class IdxWriter {

    /**
     * An IDX image file.
     *
     * @param pixels {@code count * rows * columns} bytes, image after image, row by row
     */
    public static byte[] images(int count, int rows, int columns, byte[] pixels) {
        if ((long) count * rows * columns != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + columns + " need "
                    + (long) count * rows * columns + " bytes, got " + pixels.length);
        }
        return ByteBuffer.allocate(IdxReader.IMAGE_HEADER_BYTES + pixels.length)
                .putInt(IdxReader.IMAGE_MAGIC).putInt(count).putInt(rows).putInt(columns).put(pixels).array();
    }

    /** An IDX label file; each label must fit an unsigned byte. */
    public static byte[] labels(int[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(IdxReader.LABEL_HEADER_BYTES + labels.length)
                .putInt(IdxReader.LABEL_MAGIC).putInt(labels.length);
        for (int label : labels) {
            if (label < 0 || label > 255) {
                throw new IllegalArgumentException("IDX labels are unsigned bytes, got " + label);
            }
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    private IdxWriter() {
    }
}
