package org.distill4j.datasets.files;

import org.distill4j.api.data.DataFile;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Decoded data files, kept within the JVM so that a sweep loading the same files many times decodes them once.
 *
 * <p>Entries are keyed by location, SHA-256 and decoded type, so a file changed on disk is decoded again. The cache
 * holds at most {@code capacityBytes} of decoded data and drops the least recently used entries beyond that.
 * Cached values must be immutable: every caller shares them.
 */
public final class DecodedFileCache {

    /** Enough for Fashion-MNIST, MNIST and CIFAR-10 together, small beside the heap the launcher gives. */
    private static final long SHARED_CAPACITY_BYTES = 512L * 1024 * 1024;

    private static final DecodedFileCache SHARED = new DecodedFileCache(SHARED_CAPACITY_BYTES);

    private final long capacityBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long heldBytes;
    private long decodes;

    public DecodedFileCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must be >= 0, got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /** The cache every dataset source of this JVM uses unless a test gives it another. */
    public static DecodedFileCache shared() {
        return SHARED;
    }

    /**
     * The decoded form of a file: from the cache, or from {@code decoder} (then kept, if it fits).
     *
     * @param file    the file's provenance; its location and SHA-256 identify it
     * @param type    what the file is decoded to, so one file can be cached under two readings
     * @param decoder decodes the file; may throw {@link DataFileException}, which is not cached
     * @param weigher the decoded value's approximate size in bytes
     */
    public <T> T get(DataFile file, Class<T> type, Supplier<T> decoder, ToLongFunction<T> weigher) {
        Objects.requireNonNull(file, "file");
        Key key = new Key(file.location(), file.sha256(), type);
        synchronized (this) {
            Entry cached = entries.get(key);
            if (cached != null) {
                return type.cast(cached.value());
            }
        }
        // Decoding takes seconds for large files; other files stay available meanwhile.
        T decoded = Objects.requireNonNull(decoder.get(), "decoded value");
        long weight = weigher.applyAsLong(decoded);
        synchronized (this) {
            decodes++;
            if (weight <= capacityBytes && !entries.containsKey(key)) {
                entries.put(key, new Entry(decoded, weight));
                heldBytes += weight;
                evictBeyondCapacity();
            }
        }
        return decoded;
    }

    /** How many times a decoder ran (tests and logs use it to see whether the cache worked). */
    public synchronized long decodes() {
        return decodes;
    }

    public synchronized long heldBytes() {
        return heldBytes;
    }

    private void evictBeyondCapacity() {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (heldBytes > capacityBytes && oldestFirst.hasNext()) {
            heldBytes -= oldestFirst.next().weight();
            oldestFirst.remove();
        }
    }

    private record Key(String location, String sha256, Class<?> type) {
    }

    private record Entry(Object value, long weight) {
    }
}
