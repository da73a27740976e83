package org.distill4j.datasets.files;

import org.distill4j.api.data.DataFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A data file read into memory with its provenance (SHA-256 and size of the bytes as stored).
 *
 * <p>Compression is recognised by the gzip magic bytes, not by the file name, so {@code foo.gz} that was
 * decompressed in place (or the reverse) still reads correctly.
 */
public final class FileContent {

    private final DataLocation location;
    private final DataFile file;
    private final byte[] stored;

    private FileContent(DataLocation location, byte[] stored) {
        this.location = Objects.requireNonNull(location, "location");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.file = new DataFile(location.location(), Sha256.hex(stored), stored.length);
    }

    public static FileContent read(DataLocation location) {
        return new FileContent(location, location.readAllBytes());
    }

    public DataLocation location() {
        return location;
    }

    /** Location, SHA-256 and byte count of the file as stored. */
    public DataFile file() {
        return file;
    }

    public boolean gzipped() {
        return stored.length >= 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
    }

    /**
     * The file's content, decompressed when it is gzipped. A raw file returns its stored bytes (not a copy): callers
     * decode them and must not modify them.
     */
    public byte[] content() {
        if (!gzipped()) {
            return stored;
        }
        try (GZIPInputStream input = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return input.readAllBytes();
        } catch (IOException corrupt) {
            throw new DataFileException(location.location() + " is not a valid gzip file (" + corrupt.getMessage()
                    + "): the file is corrupt or was cut short while copying; expected a complete gzip stream of "
                    + file.bytes() + " bytes as stored; " + location.remedy(), corrupt);
        }
    }

    /** A word for messages about sizes: the decompressed content or the file itself. */
    public String contentDescription() {
        return gzipped() ? "its decompressed content has" : "file has";
    }
}
