package org.distill4j.datasets.files;

/**
 * A data file is missing, unreadable, truncated or not what its name promises. The message names the file, says
 * what is wrong, what was expected, and how to get a good copy.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
