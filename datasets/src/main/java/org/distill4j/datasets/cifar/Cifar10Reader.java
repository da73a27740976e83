package org.distill4j.datasets.cifar;

import org.distill4j.datasets.files.DataFileException;
import org.distill4j.datasets.files.FileContent;
import org.distill4j.datasets.images.ImagePool;

/**
 * Reads a batch file of CIFAR-10's binary version: records of one label byte followed by 3,072 pixel bytes, a 32x32
 * red plane, then green, then blue, each row by row (already the NCHW layout).
 */
public final class Cifar10Reader {

    public static final int IMAGE_BYTES = 3 * 32 * 32;

    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    public static ImagePool read(FileContent file) {
        byte[] content = file.content();
        String location = file.file().location();
        if (content.length == 0 || content.length % RECORD_BYTES != 0) {
            long whole = content.length / RECORD_BYTES;
            throw new DataFileException(location + " is truncated or not a CIFAR-10 binary batch: "
                    + file.contentDescription() + " " + content.length + " bytes, expected a non-zero multiple of"
                    + " the " + RECORD_BYTES + "-byte record (1 label byte + 3072 pixel bytes), e.g. "
                    + (whole + 1) * RECORD_BYTES + " bytes for " + (whole + 1) + " records (an official batch has"
                    + " 10000 records, 30730000 bytes); " + file.location().remedy());
        }
        int records = content.length / RECORD_BYTES;
        int[] labels = new int[records];
        byte[] pixels = new byte[records * IMAGE_BYTES];
        for (int record = 0; record < records; record++) {
            int start = record * RECORD_BYTES;
            int label = content[start] & 0xff;
            if (label >= Cifar10.CLASS_NAMES.size()) {
                throw new DataFileException(location + ": record " + record + " has label " + label
                        + ", expected 0 to 9 (CIFAR-10 has 10 classes); is this CIFAR-100's binary version, whose"
                        + " records start with two label bytes? Only CIFAR-10 is supported");
            }
            labels[record] = label;
            System.arraycopy(content, start + 1, pixels, record * IMAGE_BYTES, IMAGE_BYTES);
        }
        return ImagePool.adopt(Cifar10.SHAPE, pixels, labels);
    }

    private Cifar10Reader() {
    }
}
