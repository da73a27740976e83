package org.distill4j.datasets.idx;

import org.distill4j.api.network.InputShape;
import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.images.ImagePool;

import java.nio.ByteBuffer;

/**
 * Reads IDX files (LeCun's format for MNIST, also used by Fashion-MNIST), gzipped or raw.
 *
 * <p>An image file is a big-endian header {@code 0x00000803, count, rows, columns} followed by
 * {@code count * rows * columns} unsigned pixel bytes; a label file is {@code 0x00000801, count} followed by
 * {@code count} label bytes. Everything is checked and each problem is reported with the file's path, what was found
 * and what was expected.
 */
public final class IdxReader {

    /** Unsigned bytes ({@code 0x08}) in 3 dimensions. */
    public static final int IMAGE_MAGIC = 0x00000803;

    /** Unsigned bytes ({@code 0x08}) in 1 dimension. */
    public static final int LABEL_MAGIC = 0x00000801;

    static final int IMAGE_HEADER_BYTES = 16;
    static final int LABEL_HEADER_BYTES = 8;

    public static IdxImages readImages(FileContent file) {
        byte[] content = file.content();
        String location = file.file().location();
        requireHeader(file, content, IMAGE_HEADER_BYTES, IMAGE_MAGIC, "image");
        ByteBuffer header = ByteBuffer.wrap(content);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int columns = header.getInt(12);
        if (count < 0 || rows <= 0 || columns <= 0) {
            throw new DataFileException(location + " has an impossible IDX header: " + count + " images of " + rows
                    + "x" + columns + "; expected a non-negative count and positive dimensions; " + remedy(file));
        }
        long expected = IMAGE_HEADER_BYTES + (long) count * rows * columns;
        requireLength(file, content, expected, "header says " + count + " images of " + rows + "x" + columns);
        byte[] pixels = new byte[content.length - IMAGE_HEADER_BYTES];
        System.arraycopy(content, IMAGE_HEADER_BYTES, pixels, 0, pixels.length);
        return new IdxImages(location, count, rows, columns, pixels);
    }

    public static IdxLabels readLabels(FileContent file) {
        byte[] content = file.content();
        requireHeader(file, content, LABEL_HEADER_BYTES, LABEL_MAGIC, "label");
        int count = ByteBuffer.wrap(content).getInt(4);
        if (count < 0) {
            throw new DataFileException(file.file().location() + " has an impossible IDX header: " + count
                    + " labels; expected a non-negative count; " + remedy(file));
        }
        requireLength(file, content, LABEL_HEADER_BYTES + (long) count, "header says " + count + " labels");
        int[] labels = new int[count];
        for (int index = 0; index < count; index++) {
            labels[index] = content[LABEL_HEADER_BYTES + index] & 0xff;
        }
        return new IdxLabels(file.file().location(), labels);
    }

    /**
     * Pairs an image file with its label file after checking that they fit each other and the dataset.
     *
     * @param dataset the dataset's name, for messages
     * @param rows    the image height the dataset has
     * @param columns the image width the dataset has
     * @param classes labels must be in {@code [0, classes)}
     */
    public static ImagePool pair(IdxImages images, IdxLabels labels, String dataset, int rows, int columns,
            int classes) {
        if (images.rows() != rows || images.columns() != columns) {
            throw new DataFileException(images.location() + " holds images of " + images.rows() + "x"
                    + images.columns() + ", but " + dataset + " images are " + rows + "x" + columns
                    + "; is this file from another dataset?");
        }
        if (images.count() != labels.count()) {
            throw new DataFileException(images.location() + " holds " + images.count() + " images but "
                    + labels.location() + " holds " + labels.count() + " labels; the two files must come from the"
                    + " same release (one image per label)");
        }
        int[] values = labels.labelArray();
        for (int index = 0; index < values.length; index++) {
            if (values[index] >= classes) {
                throw new DataFileException(labels.location() + ": label " + values[index] + " of image " + index
                        + " is out of range; " + dataset + " has " + classes + " classes (labels 0 to "
                        + (classes - 1) + "); is this file from another dataset?");
            }
        }
        return ImagePool.adopt(new InputShape(1, rows, columns), images.pixelArray(), values);
    }

    private static void requireHeader(FileContent file, byte[] content, int headerBytes, int magic, String kind) {
        String location = file.file().location();
        if (content.length < headerBytes) {
            throw new DataFileException(location + " is truncated: an IDX " + kind + " file starts with a "
                    + headerBytes + "-byte header, " + file.contentDescription() + " " + content.length
                    + " bytes; " + remedy(file));
        }
        int found = ByteBuffer.wrap(content).getInt(0);
        if (found != magic) {
            throw new DataFileException(location + " is not an IDX " + kind + " file: it starts with "
                    + String.format("0x%08X", found) + ", expected magic number " + String.format("0x%08X", magic)
                    + (kind.equals("image") ? " (unsigned bytes, 3 dimensions)" : " (unsigned bytes, 1 dimension)")
                    + describeMixUp(found) + "; " + remedy(file));
        }
    }

    private static String describeMixUp(int found) {
        if (found == IMAGE_MAGIC) {
            return "; this is an image file, are the image and label files swapped?";
        }
        if (found == LABEL_MAGIC) {
            return "; this is a label file, are the image and label files swapped?";
        }
        return "";
    }

    private static void requireLength(FileContent file, byte[] content, long expected, String header) {
        String location = file.file().location();
        if (content.length < expected) {
            throw new DataFileException(location + " is truncated: " + header + " (" + expected + " bytes), "
                    + file.contentDescription() + " " + content.length + " bytes; " + remedy(file));
        }
        if (content.length > expected) {
            throw new DataFileException(location + " is not a valid IDX file: " + header + " (" + expected
                    + " bytes), " + file.contentDescription() + " " + content.length + " bytes, "
                    + (content.length - expected) + " more than that; " + remedy(file));
        }
    }

    private static String remedy(FileContent file) {
        return file.location().remedy();
    }

    private IdxReader() {
    }
}
